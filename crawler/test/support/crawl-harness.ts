import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Pool } from 'pg';
import { loadCrawlerConfig, type CrawlerConfig } from '../../src/config';
import { createPool } from '../../src/db/pool';
import { startReplayServer, type ReplayServer } from '../../src/replay';
import { createTestDatabase } from './test-database';

/** Every real MixesDB mix of the fixtures as a wikitext page, by page title. */
export { mixesdbSamplePages as mixesdbPagesFromCsv } from '../../src/replay/mixesdb-sample';

/** A crawl against the replay server and the test database: config, pool, silent logger. */
export interface CrawlHarness {
  replay: ReplayServer;
  config: CrawlerConfig;
  pool: Pool;
  logger: pino.Logger;
  /** environment for running the compiled CLI against the same servers */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/**
 * Starts the replay server with `pages`, a database of the test's own, and a crawler config whose delays are 0
 * (tests only).
 */
export async function startCrawlHarness(
  pages: Map<string, string>,
  overrides: Record<string, string> = {},
  setlistfm?: { setlists: unknown[]; apiKey: string },
): Promise<CrawlHarness> {
  const replay = await startReplayServer({ mixesdb: { pages }, ...(setlistfm ? { setlistfm } : {}) });
  const database = await createTestDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    MIXESDB_BASE_URL: replay.urls.mixesdb,
    TRACKLISTS1001_BASE_URL: replay.urls['1001tracklists'],
    SETLISTFM_BASE_URL: replay.urls.setlistfm,
    MIXESDB_DELAY_SECONDS: '0',
    TRACKLISTS1001_DELAY_SECONDS: '0',
    SETLISTFM_DELAY_SECONDS: '0',
    CRAWLER_BACKOFF_BASE_SECONDS: '0',
    CRAWLER_BACKOFF_MAX_SECONDS: '0',
    CRAWLER_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'songnodes-crawlee-')),
    LOG_LEVEL: 'silent',
    ...overrides,
  };
  const config = loadCrawlerConfig(env);
  const pool = createPool(config.databaseUrl);
  return {
    replay,
    config,
    pool,
    logger: pino({ level: 'silent' }),
    env,
    close: async () => {
      await replay.close();
      await pool.end();
      await database.drop();
    },
  };
}
