/**
 * Plain-text helpers shared by the free-text parsers: turn one line of MediaWiki/HTML-flavoured text into the
 * plain text a human reads on the rendered page. Pure, never throws.
 */

/** The named entities that occur in tracklists; anything else named is left as written (numeric ones always decode). */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  times: '\u00d7',
};

function codePointOrNull(value: number): string | null {
  // Lone surrogates and out-of-range values would make String.fromCodePoint throw or produce broken text.
  if (!Number.isInteger(value) || value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return null;
  return String.fromCodePoint(value);
}

/** Decodes `&amp;`, `&#39;`, `&#x2013;` and the common named entities; unknown entities stay as written. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return codePointOrNull(parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return codePointOrNull(parseInt(body.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Collapses every run of whitespace (TAB, NBSP, thin spaces) to one space, drops zero-width characters, trims. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Drops `{{templates}}`, nested ones included, in one pass: a stack remembers where each `{{` started in the
 * output, and `}}` cuts the output back to it. A `{{` never closed stays as written. Linear in the text (the old
 * "innermost first, until nothing changes" loop was quadratic on deep nesting).
 */
function removeNestedTemplates(text: string): string {
  if (!text.includes('{{')) return text;
  const output: string[] = [];
  const starts: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '{' && text[index + 1] === '{') {
      starts.push(output.length);
      output.push('{{');
      index += 1;
    } else if (text[index] === '}' && text[index + 1] === '}' && starts.length > 0) {
      output.length = starts.pop() ?? 0;
      index += 1;
    } else {
      output.push(text[index] ?? '');
    }
  }
  return output.join('');
}

/**
 * Removes inline MediaWiki markup the way the rendered page shows it:
 * comments and `<ref>`s disappear, `<nowiki>` tags are dropped (their text stays), templates `{{…}}` are dropped,
 * `[[Target|Label]]` becomes Label and `[[Target]]` Target, `[https://… Label]` becomes Label,
 * bold/italic quotes and other HTML tags are dropped. Entities are decoded last.
 * An unclosed `<!--` hides the rest of the line, as MediaWiki does.
 *
 * Linear in the text: every pattern either always succeeds once started (`…*?(?:end|$)`) or stops at the next
 * bracket or angle bracket, so no position is scanned again and again.
 */
export function stripWikiMarkup(text: string): string {
  let result = text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<\/?nowiki\s*\/?>/gi, '')
    .replace(/<ref\b[^<>]*\/>/gi, '')
    .replace(/<ref\b[^<>]*>[\s\S]*?(?:<\/ref>|$)/gi, '')
    .replace(/<br\s*\/?>/gi, ' ');
  result = removeNestedTemplates(result)
    .replace(/\[\[:?([^[\]|]*)\|([^[\]]*)\]\]/g, '$2')
    .replace(/\[\[:?([^[\]|]*)\]\]/g, '$1')
    .replace(/\[(?:https?:|ftp:)?\/\/[^\s[\]]+\s([^[\]]*)\]/gi, '$1')
    .replace(/\[(?:https?:|ftp:)?\/\/[^\s[\]]+\]/gi, '')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/'{2,5}/g, '');
  return decodeHtmlEntities(result);
}

/** `stripWikiMarkup` then `collapseWhitespace`: the text a reader sees, on one line. */
export function toPlainText(text: string): string {
  return collapseWhitespace(stripWikiMarkup(text));
}
