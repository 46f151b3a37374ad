/**
 * Parsing an imported bronze page again (for `crawl reparse` after a parser change): the page's body is the entry's
 * own text and its url says which file and entry it was (`import:<file name>#<entry key>`), which with the format
 * recorded in ops.imports is everything the reader needs. Pure.
 */
import { mixesdbPageEntry } from './readers/mixesdb-wikitext';
import { readerFor } from './readers';
import { mixesdbTitleFromKey } from './source-identity';
import type { ParsedSetlist } from '@songnodes/parsing';
import type { ImportFormat } from './types';

/** File name and entry key of an evidence url. */
export function parseEvidenceUrl(url: string): { fileName: string; key: string } | null {
  const match = /^import:([^#]+)(?:#(.*))?$/.exec(url);
  if (!match?.[1]) return null;
  return { fileName: match[1], key: match[2] ?? 'file' };
}

/** The setlist an imported page holds, read by today's readers; null when the url or format is not one of ours. */
export function parseImportedPage(page: { url: string; body: string; format: ImportFormat }): ParsedSetlist | null {
  const where = parseEvidenceUrl(page.url);
  if (!where) return null;
  if (page.format === 'mixesdb-wikitext' && where.key !== 'file') {
    // An entry of a JSON map: the body is the page's wikitext alone, its key the title.
    const title = mixesdbTitleFromKey(where.key);
    return title === null ? null : mixesdbPageEntry(where.key, null, title, page.body).parse();
  }
  const found = readerFor(page.format);
  if ('unavailable' in found) return null;
  const { entries } = found.reader({ path: where.fileName, name: where.fileName, text: page.body });
  return entries.find((e) => e.key === where.key)?.parse() ?? null;
}
