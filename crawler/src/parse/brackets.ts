/**
 * Bracket-aware searching. Tracklist rows put versions in `( )` and labels in `[ ]`, and both may contain the
 * same separators as the row itself ("Title (DJ Hell - Remix) [Label - Cat]"), so separators are only looked for
 * at the top level, outside every bracket.
 */

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);
/** Same length as the text it replaces, so indices found in the masked text are valid in the original. */
const MASK_CHAR = '\u0001';

/**
 * Returns `text` with everything inside brackets (brackets included) replaced by a mask character, keeping
 * the length. An opener that is never closed masks the rest of the text; a stray closer is left as is.
 */
export function maskBracketed(text: string): string {
  const expectedClosers: string[] = [];
  let masked = '';
  for (const char of text) {
    const closer = OPENERS[char];
    if (closer !== undefined) {
      expectedClosers.push(closer);
      masked += MASK_CHAR.repeat(char.length);
      continue;
    }
    if (expectedClosers.length > 0) {
      if (CLOSERS.has(char)) {
        // Close up to the matching opener; a mismatched closer ("(a]") is treated as closing the innermost.
        const at = expectedClosers.lastIndexOf(char);
        expectedClosers.length = at >= 0 ? at : expectedClosers.length - 1;
      }
      masked += MASK_CHAR.repeat(char.length);
      continue;
    }
    masked += char;
  }
  return masked;
}

/** True when every `(`, `[` and `{` is closed by its own kind, in order. */
export function hasBalancedBrackets(text: string): boolean {
  const expectedClosers: string[] = [];
  for (const char of text) {
    const closer = OPENERS[char];
    if (closer !== undefined) expectedClosers.push(closer);
    else if (CLOSERS.has(char) && expectedClosers.pop() !== char) return false;
  }
  return expectedClosers.length === 0;
}

/** A match of `pattern` found outside every bracket. */
export interface TopLevelMatch {
  index: number;
  end: number;
  text: string;
}

/** Every match of `pattern` (a global or non-global RegExp) that lies wholly outside brackets. */
export function findAllTopLevel(text: string, pattern: RegExp): TopLevelMatch[] {
  const masked = maskBracketed(text);
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const matches: TopLevelMatch[] = [];
  for (const match of masked.matchAll(new RegExp(pattern.source, flags))) {
    if (match[0].length === 0 || match[0].includes(MASK_CHAR)) continue;
    matches.push({ index: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return matches;
}

/** The first match of `pattern` outside brackets, or null. */
export function findTopLevel(text: string, pattern: RegExp): TopLevelMatch | null {
  return findAllTopLevel(text, pattern)[0] ?? null;
}

/** Splits `text` at every top-level match of `pattern`, trimming the pieces and dropping empty ones. */
export function splitTopLevel(text: string, pattern: RegExp): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of findAllTopLevel(text, pattern)) {
    pieces.push(text.slice(start, match.index));
    start = match.end;
  }
  pieces.push(text.slice(start));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

/**
 * The bracket group the text ends with: `"Title (Remix)"` -> `{ before: "Title", inner: "Remix", opener: "(" }`.
 * Null when the text does not end with a closer or the closer has no matching opener.
 */
export function takeTrailingGroup(text: string): { before: string; inner: string; opener: '(' | '[' } | null {
  const trimmed = text.trimEnd();
  const last = trimmed.at(-1);
  if (last !== ')' && last !== ']') return null;
  const opener = last === ')' ? '(' : '[';
  let depth = 0;
  for (let index = trimmed.length - 1; index >= 0; index -= 1) {
    const char = trimmed[index];
    if (char === last) depth += 1;
    else if (char === opener) depth -= 1;
    if (depth === 0) {
      return { before: trimmed.slice(0, index).trimEnd(), inner: trimmed.slice(index + 1, -1).trim(), opener };
    }
  }
  return null;
}

/**
 * The bracket the text ends inside of, when it is never closed: `"Best Friend (DVS1 Forever Mix"` ->
 * `{ before: "Best Friend", inner: "DVS1 Forever Mix", opener: "(" }`. Null when every bracket is closed.
 */
export function takeUnclosedTail(text: string): { before: string; inner: string; opener: '(' | '[' } | null {
  const masked = maskBracketed(text);
  // An unclosed opener masks everything after it, so the masked tail starts at the unclosed bracket, if any.
  let start = masked.length;
  while (start > 0 && masked[start - 1] !== text[start - 1]) start -= 1;
  const opener = text[start];
  if (start === text.length || (opener !== '(' && opener !== '[') || hasBalancedBrackets(text.slice(start))) return null;
  return { before: text.slice(0, start).trimEnd(), inner: text.slice(start + 1).trim(), opener };
}

/** Drops brackets left dangling at either end of a name: "Naughty Wood)" -> "Naughty Wood". */
export function trimStrayBrackets(name: string): string {
  let trimmed = name.trim();
  while (/[)\]}]$/.test(trimmed) && !hasBalancedBrackets(trimmed)) trimmed = trimmed.slice(0, -1).trimEnd();
  while (/^[([{]/.test(trimmed) && !hasBalancedBrackets(trimmed)) trimmed = trimmed.slice(1).trimStart();
  return trimmed;
}
