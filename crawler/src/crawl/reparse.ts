import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { CrawlerConfig } from '../config';
import { crawlerSql } from '../db/statements';
import { SOURCES } from '../sources/registry';
import { withCanonicalIdentity } from '../refine/setlist-identity';
import { inTransaction } from '../db/pool';
import { storeSetlistBatch, type BatchSetlist } from '../refine/refine-batch';

export interface ReparseSummary {
  pages: number;
  setlists: number;
  written: number;
  unchanged: number;
  notRefined: number;
}

/**
 * `crawl reparse`: rebuilds silver from bronze with the current parsers, without fetching. Each stored page that
 * held setlists is parsed again (a new parser version adds new bronze.setlists rows; the same version re-uses
 * them) and refined; unchanged content writes nothing to silver. Pages are matched to setlists by the source's
 * identity, so it works under any base URL.
 */
export async function reparseBronze(deps: { config: CrawlerConfig; pool: Pool; logger: Logger }): Promise<ReparseSummary> {
  const { config, pool, logger } = deps;
  const summary: ReparseSummary = { pages: 0, setlists: 0, written: 0, unchanged: 0, notRefined: 0 };
  for (let after = 0; ; ) {
    const { rows } = await pool.query(crawlerSql('reparse-pages'), [after, 200]);
    if (rows.length === 0) break;
    // The pages of one query, parsed, then stored as one batch (refine-batch.ts): one transaction and one
    // set-based write per table for up to 200 pages, instead of one transaction per setlist.
    const batch: BatchSetlist[] = [];
    for (const row of rows) {
      after = Number(row.id);
      const source = SOURCES.find((s) => s.name === row.source);
      if (!source) continue;
      // A setlist page holds the one setlist it was fetched for (whatever identity an older parser gave it); of a
      // search page (setlist.fm), only the setlists bronze took from it, by identity: it also lists skipped ones.
      const wanted = new Set<string>(row.source_ids);
      const parsed = source
        .parsePage({ url: row.url, body: row.body, kind: row.kind }, config)
        .map(withCanonicalIdentity)
        .filter((s) => row.kind === 'setlist' || (s.sourceId !== null && wanted.has(s.sourceId)));
      summary.pages += 1;
      for (const p of parsed) batch.push({ pageId: after, parserVersion: source.parserVersion, parsed: p });
    }
    const outcomes = await inTransaction(pool, (client) => storeSetlistBatch(client, batch, null));
    summary.setlists += outcomes.length;
    for (const outcome of outcomes) {
      if (outcome.kind === 'written') summary.written += 1;
      else if (outcome.kind === 'unchanged') summary.unchanged += 1;
      else summary.notRefined += 1;
    }
    logger.info({ ...summary }, 'reparse progress');
  }
  return summary;
}
