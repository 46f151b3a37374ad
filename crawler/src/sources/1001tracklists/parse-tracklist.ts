/**
 * 1001tracklists tracklist page (HTML as a browser rendered it) -> ParsedSetlist. Pure, never throws, linear in
 * the page (html-document.ts says how).
 *
 * It reads the structure every layout seen so far declares rather than one CSS path (fixtures/SOURCE.md: a 2018
 * table layout, 2021-2023 `div` layouts, 2024 row fragments): rows are what the page marks as track positions
 * (page-rows.ts), each row's text is its schema.org microdata completed by what it shows (row-records.ts), and the
 * page's identity, title, DJs and date come from its metadata (page-metadata.ts).
 *
 * Status, refusing a page only when nothing trustworthy can be read from it:
 * - 'blocked': the anti-bot or rate-limit page (detect-block.ts);
 * - 'error': the page is cut off (no closing `</html>`; the rows read so far are still returned), holds no
 *   tracklist at all, or could not be read (too large, absurdly nested, not text);
 * - 'empty': a complete tracklist page without a single row;
 * - 'ok' otherwise. A row that cannot be read is kept unidentified with a warning; a declared track count that the
 *   rows do not reach is a warning too (every row counts, mashup parts and "w/" rows included).
 */
import { blankSetlist } from '@songnodes/parsing';
import type { ParsedSetlist, ParsedTrackLine } from '@songnodes/parsing';
import { detect1001Block } from './detect-block';
import type { DomNode } from './dom-text';
import { load1001Html } from './html-document';
import { readPageMetadata } from './page-metadata';
import { findRowElements, readRowFields } from './page-rows';
import { buildRows, type RowRecords } from './row-records';

/** Options for `parse1001Tracklist`. */
export interface Parse1001TracklistOptions {
  /**
   * The URL the page was fetched from. The setlist's `sourceUrl` is the canonical https URL the page declares;
   * this URL stands in only when it declares none (its path moved onto https://www.1001tracklists.com when it is a
   * tracklist path, so a replay server's origin is never stored).
   */
  sourceUrl: string;
}

function readRows(root: DomNode): RowRecords {
  const elements = findRowElements(root);
  const pageUsesIdedFlag = elements.some((element) => element.attribs?.['data-isided'] !== undefined);
  return buildRows(elements.map((element) => readRowFields(element, pageUsesIdedFlag)));
}

/** The track rows of any 1001tracklists HTML, a whole page or a fragment of rows, in page order. Never throws. */
export function parse1001TracklistRows(html: string): ParsedTrackLine[] {
  try {
    const document = load1001Html(html);
    return document.ok ? readRows(document.$.root()[0] as unknown as DomNode).rows : [];
  } catch {
    return [];
  }
}

/**
 * A browser's serialised DOM always ends with `</html>`; a body cut short (dropped connection, size limit) does
 * not. The HTML parser would silently close the open tags, so the raw text is checked.
 */
function hasClosingHtmlTag(html: string): boolean {
  return /<\/html\s*>/i.test(html.slice(-4096));
}

function noCanonical(fallback: string | null): string {
  return fallback === null
    ? 'the page gives no canonical tracklist URL, and it was not fetched from a tracklist path'
    : 'the page gives no canonical tracklist URL: the path it was fetched from stands in';
}

function withStatus(setlist: ParsedSetlist, status: ParsedSetlist['status'], reason: string): ParsedSetlist {
  return { ...setlist, status, statusReason: reason };
}

function parsePage(html: string, fetchedUrl: string): ParsedSetlist {
  const blank = blankSetlist('1001tracklists', fetchedUrl);
  const block = detect1001Block(html);
  if (block.blocked) return { ...blank, status: 'blocked', statusReason: block.reason };
  const document = load1001Html(html);
  if (!document.ok) return withStatus(blank, 'error', document.reason);

  const { $ } = document;
  const { canonicalUrl, canonicalDeclared, declaredCount, hasPlaylist, ...metadata } = readPageMetadata($, fetchedUrl);
  const { rows, deletedCount, warnings } = readRows($.root()[0] as unknown as DomNode);
  const setlist: ParsedSetlist = {
    ...blank,
    ...metadata,
    sourceUrl: canonicalUrl ?? fetchedUrl,
    parts: [{ index: 0, name: null, rows }],
    warnings: canonicalDeclared ? warnings : [...warnings, noCanonical(canonicalUrl)],
  };
  if (!hasClosingHtmlTag(html)) {
    const readSoFar = `read ${rows.length} of ${declaredCount ?? 'an unknown number of'} rows`;
    return withStatus(setlist, 'error', `page is truncated (no closing </html>); ${readSoFar}`);
  }
  if (rows.length === 0 && !hasPlaylist) {
    return withStatus(setlist, 'error', 'no tracklist on the page: not a tracklist page, or a layout never seen');
  }
  if (rows.length === 0) {
    const note = declaredCount ? ` although the page declares ${declaredCount} tracks` : '';
    return withStatus(setlist, 'empty', `tracklist has no rows${note}`);
  }
  if (declaredCount !== null && rows.length + deletedCount !== declaredCount) {
    setlist.warnings.push(`the page declares ${declaredCount} tracks; ${rows.length} rows were read`);
  }
  return setlist;
}

/** Parses a 1001tracklists tracklist page into one setlist with one part. Never throws (see the file comment). */
export function parse1001Tracklist(html: string, options: Parse1001TracklistOptions): ParsedSetlist {
  const fetchedUrl = typeof options?.sourceUrl === 'string' ? options.sourceUrl : '';
  try {
    return parsePage(typeof html === 'string' ? html : '', fetchedUrl);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...blankSetlist('1001tracklists', fetchedUrl), status: 'error', statusReason: `parser failed: ${message}` };
  }
}
