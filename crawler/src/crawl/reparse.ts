import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { CrawlerConfig } from '../config';
import { crawlerSql } from '../db/statements';
import { SOURCES } from '../sources/registry';
import { storeParsedSetlists } from './store-page';

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
 * them) and refined; unchanged content writes nothing to silver.
 */
export async function reparseBronze(deps: { config: CrawlerConfig; pool: Pool; logger: Logger }): Promise<ReparseSummary> {
  const { config, pool, logger } = deps;
  const summary: ReparseSummary = { pages: 0, setlists: 0, written: 0, unchanged: 0, notRefined: 0 };
  for (let after = 0; ; ) {
    const { rows } = await pool.query(crawlerSql('reparse-pages'), [after, 200]);
    if (rows.length === 0) break;
    for (const row of rows) {
      after = Number(row.id);
      const source = SOURCES.find((s) => s.name === row.source);
      if (!source) continue;
      // Only the setlists bronze took from this page (a setlist.fm search page also lists setlists we skipped).
      const wanted = new Set<string>(row.source_urls);
      const parsed = source.parsePage({ url: row.url, body: row.body, kind: row.kind }, config).filter((s) => wanted.has(s.sourceUrl));
      const stored = await storeParsedSetlists(pool, source, after, parsed, null);
      summary.pages += 1;
      summary.setlists += stored.length;
      for (const s of stored) {
        if (s.outcome.kind === 'written') summary.written += 1;
        else if (s.outcome.kind === 'unchanged') summary.unchanged += 1;
        else summary.notRefined += 1;
      }
    }
    logger.info({ ...summary }, 'reparse progress');
  }
  return summary;
}
