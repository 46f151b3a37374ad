/**
 * Bracket-aware searching. Tracklist rows put versions in `( )` and labels in `[ ]`, and both may contain the
 * same separators as the row itself ("Title (DJ Hell - Remix) [Label - Cat]"), so separators are only looked for
 * at the top level, outside every bracket.
 */

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);
/** Same length as the text it replaces, so indices found in the masked text are valid in the original. */
const MASK_CHAR = '\u0001';

const ANY_OPENER = /[([{]/;
/** The last text masked: the same row is searched several times in a row (separators, joiners, credits). */
let lastMasked: { text: string; masked: string } | null = null;

/**
 * Returns `text` with everything inside brackets (brackets included) replaced by a mask character, keeping
 * the length. An opener that is never closed masks the rest of the text; a closer nothing opened is left as is.
 * One pass; a text without any opener is returned as it is.
 */
export function maskBracketed(text: string): string {
  if (!ANY_OPENER.test(text)) return text;
  if (lastMasked?.text === text) return lastMasked.masked;
  const expectedClosers: string[] = [];
  const parts: string[] = [];
  for (const char of text) {
    const closer = OPENERS[char];
    if (closer !== undefined) {
      expectedClosers.push(closer);
      parts.push(char.length === 1 ? MASK_CHAR : MASK_CHAR.repeat(char.length));
      continue;
    }
    if (expectedClosers.length > 0) {
      if (CLOSERS.has(char)) {
        // Close up to the matching opener; a closer nothing opened ("[Remix)' 679]") is text inside the group.
        const at = expectedClosers.lastIndexOf(char);
        if (at >= 0) expectedClosers.length = at;
      }
      parts.push(char.length === 1 ? MASK_CHAR : MASK_CHAR.repeat(char.length));
      continue;
    }
    parts.push(char);
  }
  const masked = parts.join('');
  lastMasked = { text, masked };
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

/** The global twin of each pattern, made once (the patterns are module constants). */
const globalPatterns = new WeakMap<RegExp, RegExp>();

function globalOf(pattern: RegExp): RegExp {
  let global = globalPatterns.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    globalPatterns.set(pattern, global);
  }
  return global;
}

function* topLevelMatches(text: string, pattern: RegExp): Generator<TopLevelMatch> {
  const masked = maskBracketed(text);
  for (const match of masked.matchAll(globalOf(pattern))) {
    if (match[0].length === 0 || match[0].includes(MASK_CHAR)) continue;
    yield { index: match.index, end: match.index + match[0].length, text: match[0] };
  }
}

/** Every match of `pattern` (a global or non-global RegExp) that lies wholly outside brackets. */
export function findAllTopLevel(text: string, pattern: RegExp): TopLevelMatch[] {
  return [...topLevelMatches(text, pattern)];
}

/** The first match of `pattern` outside brackets, or null. */
export function findTopLevel(text: string, pattern: RegExp): TopLevelMatch | null {
  for (const match of topLevelMatches(text, pattern)) return match;
  return null;
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
 * Drops brackets left dangling at either end of a name: "Naughty Wood)" -> "Naughty Wood", "(Foo" -> "Foo".
 * One pass to find the unmatched brackets, then trimming at the ends: linear in the name (the old loop re-checked
 * the balance after every character it dropped, quadratic on ")))))…").
 */
export function trimStrayBrackets(name: string): string {
  const text = name.trim();
  const unmatched = new Set<number>();
  const open: Array<{ index: number; closer: string }> = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    const closer = OPENERS[char];
    if (closer !== undefined) open.push({ index, closer });
    else if (CLOSERS.has(char)) {
      if (open.at(-1)?.closer === char) open.pop();
      else unmatched.add(index);
    }
  }
  for (const opener of open) unmatched.add(opener.index);
  let start = 0;
  let end = text.length;
  while (end > start && (unmatched.has(end - 1) || /\s/.test(text[end - 1] ?? ''))) end -= 1;
  while (start < end && (unmatched.has(start) || /\s/.test(text[start] ?? ''))) start += 1;
  return text.slice(start, end);
}

/** One top-level piece of a text: a run of plain text, a bracket group, or a spaced dash (" - ", " – "). */
export type TopLevelUnit = (
  | { kind: 'text'; text: string }
  | { kind: 'group'; opener: '(' | '[' | '{'; inner: string; closed: boolean }
  | { kind: 'dash' }
) & {
  /** where the unit starts and ends in the text it was split from (end exclusive) */
  start: number;
  end: number;
};

const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);

/**
 * Splits `text` into its top-level units in one pass: `"Big Fun - Jon Rundell Remix (Eqo)"` ->
 * text "Big Fun", dash, text "Jon Rundell Remix", group "(Eqo)". Brackets nest; a closer nothing opened is text
 * ("[Remix)' 679]" is one group); a group never closed runs to the end (`closed: false`).
 * Linear in the text (each character is looked at once; the pieces are slices of it).
 */
export function splitTopLevelUnits(text: string): TopLevelUnit[] {
  const units: TopLevelUnit[] = [];
  let textStart = 0;
  const pushText = (end: number) => {
    const raw = text.slice(textStart, end);
    const piece = raw.trim();
    if (piece === '') return;
    const start = textStart + (raw.length - raw.trimStart().length);
    units.push({ kind: 'text', text: piece, start, end: start + piece.length });
  };
  let depth = 0;
  let groupStart = 0;
  const expected: string[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    const closer = OPENERS[char];
    if (closer !== undefined) {
      if (depth === 0) {
        pushText(index);
        groupStart = index;
      }
      expected.push(closer);
      depth += 1;
      continue;
    }
    if (depth > 0) {
      if (CLOSERS.has(char)) {
        const at = expected.lastIndexOf(char);
        if (at >= 0) expected.length = at;
        depth = expected.length;
        if (depth === 0) {
          const opener = text[groupStart] as '(' | '[' | '{';
          units.push({
            kind: 'group',
            opener,
            inner: text.slice(groupStart + 1, index).trim(),
            closed: true,
            start: groupStart,
            end: index + 1,
          });
          textStart = index + 1;
        }
      }
      continue;
    }
    if (DASHES.has(char) && /\s/.test(text[index - 1] ?? '') && /\s/.test(text[index + 1] ?? '')) {
      pushText(index);
      units.push({ kind: 'dash', start: index, end: index + 1 });
      textStart = index + 1;
    } else if (DASHES.has(char) && index === text.length - 1 && /\s/.test(text[index - 1] ?? '')) {
      // A dash left dangling at the very end ("Keep On Grooving -").
      pushText(index);
      units.push({ kind: 'dash', start: index, end: index + 1 });
      textStart = index + 1;
    }
  }
  if (depth > 0) {
    const opener = text[groupStart] as '(' | '[' | '{';
    units.push({ kind: 'group', opener, inner: text.slice(groupStart + 1).trim(), closed: false, start: groupStart, end: text.length });
  } else pushText(text.length);
  return units;
}

/**
 * Writes units back as text: with `source` (the text they were split from), units that were next to each other
 * keep the spacing they had ("Oat [Promo]<-- …", "(Part 1)'"), and units that were apart are joined by one space;
 * without it, every unit is written out and joined by spaces.
 */
export function joinTopLevelUnits(units: readonly TopLevelUnit[], source?: string): string {
  const closers: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  let result = '';
  units.forEach((unit, index) => {
    const previous = units[index - 1];
    const written =
      source !== undefined
        ? source.slice(unit.start, unit.end)
        : unit.kind === 'text'
          ? unit.text
          : unit.kind === 'dash'
            ? '-'
            : `${unit.opener}${unit.inner}${unit.closed ? closers[unit.opener] : ''}`;
    if (previous === undefined) result = written;
    else if (source !== undefined && /^\s*$/.test(source.slice(previous.end, unit.start)) && previous.end <= unit.start) {
      result += source.slice(previous.end, unit.start) + written;
    } else result += ` ${written}`;
  });
  return result.trim();
}
