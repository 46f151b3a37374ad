import type { Pool } from 'pg';
import { saveParsedSetlist } from '../db/bronze';
import { inTransaction } from '../db/pool';
import type { FetchedPage } from '../http/polite-fetcher';
import type { ParsedSetlist } from '@songnodes/parsing';
import { blankSetlist } from '@songnodes/parsing';
import { refineSetlist, type RefineOutcome } from '../refine/refine-setlist';
import { withCanonicalIdentity } from '../refine/setlist-identity';
import type { CrawlSource } from '../sources/types';

/** One stored parse and what it did to silver. */
export interface StoredSetlist {
  /** the canonical page of the setlist (the URL as found when it has no identity) */
  sourceUrl: string;
  sourceId: string | null;
  status: ParsedSetlist['status'];
  statusReason: string | null;
  outcome: RefineOutcome;
}

/**
 * Stores each parsed setlist of a bronze page and refines it to silver, one transaction per setlist: a crash
 * leaves either the whole setlist or none of it. Every setlist is first given its source's identity (canonical id
 * and URL, docs/identity.md): whatever a parser or an origin put in `sourceUrl`, bronze and silver get the page on
 * the source's own site, so the same mix fetched through two origins is one setlist.
 */
export async function storeParsedSetlists(
  pool: Pool,
  source: CrawlSource,
  pageId: number,
  setlists: ParsedSetlist[],
  crawlRunId: number | null,
): Promise<StoredSetlist[]> {
  const stored: StoredSetlist[] = [];
  for (const found of setlists) {
    const parsed = withCanonicalIdentity(found);
    const outcome = await inTransaction(pool, async (client) => {
      const bronzeId = await saveParsedSetlist(client, pageId, parsed, source.parserVersion, crawlRunId);
      return refineSetlist(client, parsed, bronzeId);
    });
    stored.push({
      sourceUrl: parsed.sourceUrl,
      sourceId: parsed.sourceId,
      status: parsed.status,
      statusReason: parsed.statusReason,
      outcome,
    });
  }
  return stored;
}

/** Parses a fetched setlist page (or records why it cannot be parsed) and stores the result. */
export function parseFetchedPage(source: CrawlSource, page: FetchedPage, config: Parameters<CrawlSource['parsePage']>[1]) {
  if (page.status < 200 || page.status >= 300) return [blankSetlist(source.name, page.url, 'error', `HTTP ${page.status}`)];
  return source.parsePage({ url: page.url, body: page.body, kind: 'setlist' }, config);
}
