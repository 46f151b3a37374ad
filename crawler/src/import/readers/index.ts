import type { ImportFormat, ImportReader } from '../types';
import { FREE_TEXT_PARSERS, freeTextReader, freeTextUnavailable, type FreeTextParser } from './free-text';
import { readMixesdbCsv } from './mixesdb-csv';
import { readMixesdbWikitext } from './mixesdb-wikitext';

/** The reader of a format, or why this build cannot read it. */
export function readerFor(
  format: ImportFormat,
  parsers: Record<'cue' | 'text', FreeTextParser | null> = FREE_TEXT_PARSERS,
): { reader: ImportReader } | { unavailable: string } {
  switch (format) {
    case 'mixesdb-wikitext':
      return { reader: readMixesdbWikitext };
    case 'mixesdb-csv':
      return { reader: readMixesdbCsv };
    case '1001tracklists-html':
      // Loaded when a saved page is read: cheerio and the 1001tracklists parser are a fifth of the CLI's start.
      return {
        reader: (file) => (require('./tracklists1001-html') as typeof import('./tracklists1001-html')).readTracklists1001Html(file),
      };
    case 'cue':
    case 'text': {
      const parser = parsers[format];
      return parser ? { reader: freeTextReader(format, parser) } : { unavailable: freeTextUnavailable(format, parsers) ?? format };
    }
  }
}
