import type { Pool } from 'pg';
import { saveParsedSetlist } from '../db/bronze';
import { inTransaction } from '../db/pool';
import type { FetchedPage } from '../http/polite-fetcher';
import type { ParsedSetlist } from '../parse/types';
import { blankSetlist } from '../parse/setlist-record';
import { refineSetlist, type RefineOutcome } from '../refine/refine-setlist';
import type { CrawlSource } from '../sources/types';

/** One stored parse and what it did to silver. */
export interface StoredSetlist {
  sourceUrl: string;
  status: ParsedSetlist['status'];
  statusReason: string | null;
  outcome: RefineOutcome;
}


/**
 * Stores each parsed setlist of a bronze page and refines it to silver, one transaction per setlist: a crash
 * leaves either the whole setlist or none of it.
 */
export async function storeParsedSetlists(
  pool: Pool,
  source: CrawlSource,
  pageId: number,
  setlists: ParsedSetlist[],
  crawlRunId: number | null,
): Promise<StoredSetlist[]> {
  const stored: StoredSetlist[] = [];
  for (const parsed of setlists) {
    const outcome = await inTransaction(pool, async (client) => {
      const bronzeId = await saveParsedSetlist(client, pageId, parsed, source.parserVersion, crawlRunId);
      return refineSetlist(client, parsed, bronzeId);
    });
    stored.push({ sourceUrl: parsed.sourceUrl, status: parsed.status, statusReason: parsed.statusReason, outcome });
  }
  return stored;
}

/** Parses a fetched setlist page (or records why it cannot be parsed) and stores the result. */
export function parseFetchedPage(source: CrawlSource, page: FetchedPage, config: Parameters<CrawlSource['parsePage']>[1]) {
  if (page.status < 200 || page.status >= 300) return [blankSetlist(source.name, page.url, 'error', `HTTP ${page.status}`)];
  return source.parsePage({ url: page.url, body: page.body, kind: 'setlist' }, config);
}
