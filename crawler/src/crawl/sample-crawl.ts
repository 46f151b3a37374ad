import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { CrawlerConfig } from '../config';
import { addTarget } from '../db/targets';
import { createProgress, progressLogger } from '../import/progress-bar';
import { loadMixesdbCsvMixes, mixesdbSamplePages, startReplayServer } from '../replay';
import { runCrawl, type CrawlSummary } from './run-crawl';

/**
 * `crawl sample`: fills an empty SongNodes with the bundled local sample of real MixesDB tracklists, through the
 * real crawler. The replay server serves the sample's 257 mixes as a MixesDB origin on loopback; each mix's first
 * identified track becomes a target, and a MixesDB run with no politeness delay (the server is ours) scrapes them.
 * The sample is stored, labelled, real data (src/sources/mixesdb/fixtures/SOURCE.md), not the live site.
 * Progress is a bar on a terminal (a JSON line every 10 s otherwise), not a JSON line per request.
 */
export async function crawlSample(deps: {
  config: CrawlerConfig;
  pool: Pool;
  logger: Logger;
}): Promise<CrawlSummary & { targets: number }> {
  const replay = await startReplayServer({ mixesdb: { pages: mixesdbSamplePages() } });
  try {
    const config: CrawlerConfig = {
      ...deps.config,
      mixesdbBaseUrl: replay.urls.mixesdb,
      mixesdbDelaySeconds: 0,
      backoffBaseSeconds: 0,
      setlistsPerTarget: 50,
      storageDir: mkdtempSync(join(tmpdir(), 'songnodes-sample-')),
    };
    let targets = 0;
    for (const mix of loadMixesdbCsvMixes()) {
      const first = mix.rows.find((r) => r.artist && r.title && !r.title.startsWith('?'));
      const title = first?.title.replace(/\s*\[[^\]]*\]?\s*$/, '');
      if (first && title && (await addTarget(deps.pool, first.artist, title, ['mixesdb'])).length > 0) targets += 1;
    }
    const progress = createProgress({ label: 'sample', logger: deps.logger });
    const { rows } = await deps.pool.query(
      `SELECT count(*)::int AS n FROM ops.target_track_searches WHERE source = 'mixesdb' AND next_search_after <= now()`,
    );
    progress.addTotal(rows[0].n);
    try {
      const summary = await runCrawl({ ...deps, config, logger: progressLogger(progress) }, { sources: ['mixesdb'] });
      return { ...summary, targets };
    } finally {
      progress.stop();
    }
  } finally {
    await replay.close();
  }
}
