import { listenStatement, NOTIFY_CHANNELS } from '@songnodes/contracts';
import { Client } from 'pg';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { CrawlerConfig } from '../config';
import { describeError } from '../errors';
import { runCrawl, type RunCrawlOptions } from './run-crawl';

/** Options of `crawl worker`. */
export interface WorkerOptions extends RunCrawlOptions {
  /** run at least this often, even without a request @default 10 minutes */
  intervalMs: number;
  /** stops the loop (SIGINT/SIGTERM in the CLI, the test in tests) */
  signal: AbortSignal;
}

/**
 * `crawl worker`: a long-running crawler. It runs a crawl (due targets only), then sleeps until the interval
 * passes or someone asks for a crawl (`NOTIFY crawl_requested`, sent by the API's requestCrawl mutation). Several
 * workers can run side by side: targets are claimed with SKIP LOCKED. A failed run is logged and the loop goes on.
 */
export async function runWorker(deps: { config: CrawlerConfig; pool: Pool; logger: Logger }, options: WorkerOptions): Promise<number> {
  const listener = new Client({ connectionString: deps.config.databaseUrl, application_name: 'songnodes-crawler-worker' });
  let wake: (() => void) | null = null;
  listener.on('notification', () => wake?.());
  await listener.connect();
  await listener.query(listenStatement(NOTIFY_CHANNELS.crawlRequested));
  let runs = 0;
  try {
    while (!options.signal.aborted) {
      try {
        const summary = await runCrawl(deps, options);
        runs += 1;
        deps.logger.info({ runId: summary.runId, sources: summary.sources }, 'worker run finished');
      } catch (error) {
        deps.logger.error({ err: describeError(error) }, 'worker run failed; trying again at the next wake-up');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        options.signal.addEventListener('abort', wake, { once: true });
      });
      wake = null;
    }
  } finally {
    await listener.end();
  }
  return runs;
}
