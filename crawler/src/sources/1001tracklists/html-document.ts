/**
 * Loading 1001tracklists HTML into a queryable document without ever throwing and in time linear in the input.
 *
 * Three things stand between an arbitrary string and that promise (the first reported in issue 11, the others
 * found by feeding the parser hostile input):
 * - lone UTF-16 surrogates: parse5 (cheerio's default HTML parser) computes a code point from two adjacent ones
 *   ("\uDFFF\uDC00") and `String.fromCodePoint` throws RangeError (issue 11 finding 7). They are replaced by
 *   U+FFFD first, as a browser decoding the page would show them;
 * - nesting depth: every HTML tree builder here keeps its open elements in an array it scans or shifts per tag
 *   (htmlparser2 `stack.unshift`, parse5's scope checks), so 200,000 unclosed `<div>`s take minutes. Real pages
 *   nest under 30 deep as `measureNesting` counts (the 2018 table layout is the deepest seen: 27); a page nested
 *   deeper than MAX_NESTING is refused with a reason before any tree is built, which bounds the per-tag cost by a
 *   constant;
 * - size: a page larger than MAX_PAGE_CHARS (real ones are 50–300 kB) is refused rather than parsed.
 * htmlparser2 is used (through cheerio's `xml: { xmlMode: false }`) rather than parse5: it reads a 5 MB page about
 * five times faster, and a serialised browser DOM, which is what the crawler stores, needs no HTML5 tree repair.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';

/** Pages larger than this many UTF-16 units are refused (the largest real capture is 0.3 M). */
export const MAX_PAGE_CHARS = 16_000_000;
/** Open elements deeper than this are refused (real pages: at most 27). */
export const MAX_NESTING = 500;

/** Elements that never have children, and elements whose content is text (never counted as nesting). */
const VOID_ELEMENTS = new Set('area base br col embed hr img input keygen link meta param source track wbr'.split(' '));
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'plaintext']);

export type LoadedDocument = { ok: true; $: CheerioAPI } | { ok: false; reason: string };

/** Lone surrogates replaced by U+FFFD; paired ones kept. Linear. */
export function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45;
}

/**
 * The deepest nesting of open elements, counted the way a tree builder would at worst: every start tag that is
 * not void (or self-closed inside SVG/MathML) opens one level, an end tag closes one only when an element of that name is open.
 * Implied end tags (`<p>` closing a `<p>`) are not modelled, so this can only overcount, which errs towards
 * refusing. One pass: the next ">" is looked up once per run of "<", so "<a<a<a…" stays linear.
 */
export function measureNesting(html: string): number {
  const open = new Map<string, number>();
  let depth = 0;
  let deepest = 0;
  let nextGt = -1;
  let index = html.indexOf('<');
  while (index !== -1 && index < html.length) {
    if (nextGt < index) nextGt = html.indexOf('>', index);
    if (nextGt === -1) break;
    const closing = html.charCodeAt(index + 1) === 47;
    let end = index + (closing ? 2 : 1);
    while (end < nextGt && isNameChar(html.charCodeAt(end))) end += 1;
    const name = html.slice(index + (closing ? 2 : 1), end).toLowerCase();
    let resume = nextGt + 1;
    // htmlparser2 honours "/>" only inside SVG and MathML ("<div/>" opens a div), so only there is it no level.
    const selfClosed = html.charCodeAt(nextGt - 1) === 47 && ((open.get('svg') ?? 0) > 0 || (open.get('math') ?? 0) > 0);
    if (name !== '' && !closing && !VOID_ELEMENTS.has(name) && !selfClosed) {
      if (RAW_TEXT_ELEMENTS.has(name)) {
        const close = new RegExp(`</${name}[\\s>/]`, 'gi');
        close.lastIndex = resume;
        resume = close.exec(html)?.index ?? html.length;
      } else {
        open.set(name, (open.get(name) ?? 0) + 1);
        depth += 1;
        deepest = Math.max(deepest, depth);
      }
    } else if (name !== '' && closing && (open.get(name) ?? 0) > 0) {
      open.set(name, (open.get(name) ?? 0) - 1);
      depth -= 1;
    }
    index = html.indexOf('<', resume);
  }
  return deepest;
}

/** The page as a cheerio document, or why it was not parsed. Never throws. */
export function load1001Html(html: unknown): LoadedDocument {
  if (typeof html !== 'string') return { ok: false, reason: 'page body is not text' };
  if (html.length > MAX_PAGE_CHARS) {
    return { ok: false, reason: `page is ${html.length} characters long (limit ${MAX_PAGE_CHARS}): not a tracklist page` };
  }
  const nesting = measureNesting(html);
  if (nesting > MAX_NESTING) {
    return { ok: false, reason: `page nests tags ${nesting} deep (limit ${MAX_NESTING}): not a tracklist page` };
  }
  try {
    return { ok: true, $: cheerio.load(toWellFormed(html), { xml: { xmlMode: false, decodeEntities: true } }) };
  } catch (error) {
    return { ok: false, reason: `HTML could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
