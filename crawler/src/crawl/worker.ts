import { NOTIFY_CHANNELS } from '@songnodes/contracts';
import type { CrawlerMetrics } from '../health/metrics';
import { describeError } from '../errors';
import { importQueuedTracklists } from '../import/tracklist-imports';
import { NotifyListener } from './notify-listener';
import { runCrawl, type CrawlDeps, type RunCrawlOptions } from './run-crawl';

/** After a failed run (PostgreSQL away, say) the next one comes this soon, or at the interval if that is sooner. */
const RETRY_AFTER_FAILURE_MS = 60_000;

/** Options of `crawl worker`. */
export interface WorkerOptions extends Omit<RunCrawlOptions, 'signal'> {
  /** run at least this often, even without a request @default 10 minutes */
  intervalMs: number;
  /** stops the loop (SIGINT/SIGTERM in the CLI, the test in tests): no more claims, the current target given back */
  signal: AbortSignal;
  /** the loop writes its state here for the health server (worker-health.ts) */
  status?: WorkerStatus;
}

export type WorkerState = 'starting' | 'crawling' | 'sleeping' | 'stopping' | 'stopped';

/** What the loop is doing, since when, and how its runs went. */
export interface WorkerStatus {
  state: WorkerState;
  /** ms since the epoch when `state` was entered */
  since: number;
  runs: number;
  lastError: string | null;
}

export function createWorkerStatus(): WorkerStatus {
  return { state: 'starting', since: Date.now(), runs: 0, lastError: null };
}

/**
 * `crawl worker`: a long-running crawler. It runs a crawl (due targets only), then sleeps until the interval
 * passes or someone asks for a crawl (`NOTIFY crawl_requested`, sent by the API's requestCrawl mutation). Several
 * workers can run side by side: targets are claimed with SKIP LOCKED. A failed run is logged and the loop goes on;
 * PostgreSQL going away fails runs until it is back, and never ends the loop.
 *
 * Pasted tracklists (the API's importTracklist, ops.tracklist_imports) are imported beside the crawl: at start, on
 * every NOTIFY crawl_requested and after every run, without waiting for a crawl in progress.
 */
export async function runWorker(deps: CrawlDeps & { metrics?: CrawlerMetrics }, options: WorkerOptions): Promise<number> {
  const { signal, intervalMs, status = createWorkerStatus(), ...runOptions } = options;
  const enter = (state: WorkerState) => {
    status.state = state;
    status.since = Date.now();
  };
  let wake: (() => void) | null = null;
  // one pass at a time; a request that arrives during a pass gets another one after it
  let importing: Promise<void> | null = null;
  let importAgain = false;
  const importTracklists = (): void => {
    if (importing) {
      importAgain = true;
      return;
    }
    importing = (async () => {
      do {
        importAgain = false;
        try {
          await importQueuedTracklists({ pool: deps.pool, logger: deps.logger, workerId: deps.config.workerId });
        } catch (error) {
          deps.logger.error(
            { err: describeError(error) },
            'pasted tracklists: import pass failed; trying again on the next request or run',
          );
        }
      } while (importAgain && !signal.aborted);
      importing = null;
    })();
  };
  const listener = new NotifyListener({
    connectionString: deps.config.databaseUrl,
    channel: NOTIFY_CHANNELS.crawlRequested,
    logger: deps.logger,
    onNotify: () => {
      importTracklists();
      wake?.();
    },
  });
  await listener.start();
  importTracklists();
  signal.addEventListener('abort', () => enter('stopping'), { once: true });
  try {
    while (!signal.aborted) {
      enter('crawling');
      let sleepMs = intervalMs;
      try {
        const summary = await runCrawl(deps, { ...runOptions, signal });
        status.runs += 1;
        status.lastError = null;
        deps.logger.info({ runId: summary.runId, sources: summary.sources, aborted: summary.aborted ?? false }, 'worker run finished');
      } catch (error) {
        status.lastError = describeError(error);
        sleepMs = Math.min(intervalMs, RETRY_AFTER_FAILURE_MS);
        deps.logger.error({ err: describeError(error), retryInMs: sleepMs }, 'worker run failed; trying again soon');
      }
      if (signal.aborted) break;
      importTracklists();
      enter('sleeping');
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          wake = null;
          resolve();
        };
        const timer = setTimeout(done, sleepMs);
        wake = done;
        signal.addEventListener('abort', done, { once: true });
      });
    }
  } finally {
    await listener.close();
    // a pasted tracklist being stored is finished (each is one short transaction), nothing new is claimed
    while (importing) await importing;
    enter('stopped');
  }
  return status.runs;
}
