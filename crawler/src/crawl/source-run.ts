import { RequestQueue, type Configuration } from '@crawlee/basic';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { CrawlerConfig } from '../config';
import { savePage } from '../db/bronze';
import { countSourceRequest } from '../db/runs';
import { SourceStoppedError } from '../errors';
import { CircuitBreaker } from '../http/circuit-breaker';
import { PoliteFetcher } from '../http/polite-fetcher';
import type { CrawlSource, SourceContext } from '../sources/types';
import { handleSetlistPage, type SourceRun } from './crawl-target';
import type { createProgressReporter } from './progress';

/** How long an in-progress request stays locked in the persisted queue (see openSourceRun). */
const RESUME_LOCK_SECONDS = 3;

/** What every source's part of one run shares. */
export interface RunDeps {
  config: CrawlerConfig;
  pool: Pool;
  logger: Logger;
  runId: number;
  configuration: Configuration;
  report: ReturnType<typeof createProgressReporter>;
}

/** Sets a source up for a run: its polite fetcher and breaker, its persisted request queue and its crawler. */
export async function openSourceRun(deps: RunDeps, source: CrawlSource): Promise<SourceRun> {
  const { config, pool, logger, runId, configuration, report } = deps;
  const breaker = new CircuitBreaker({ threshold: config.breakerThreshold });
  const fetcher = new PoliteFetcher({
    source: source.name,
    userAgent: config.userAgent,
    minDelayMs: source.minDelayMs(config),
    timeoutMs: config.timeoutSeconds * 1000,
    maxRetries: config.maxRetries,
    backoffBaseMs: config.backoffBaseSeconds * 1000,
    backoffMaxMs: config.backoffMaxSeconds * 1000,
    breaker,
    headers: source.headers?.(config),
    beforeRequest: source.name === 'setlistfm' ? () => checkDailyCap(pool, config.setlistfmDailyCap) : undefined,
    onRetry: (info) => logger.info({ source: source.name, ...info }, 'retrying'),
  });
  const context: SourceContext = {
    config,
    pool,
    logger: logger.child({ source: source.name }),
    fetcher,
    crawlRunId: runId,
    savePage: (page, kind) => savePage(pool, { ...page, source: source.name, kind, crawlRunId: runId }),
  };
  const queue = await RequestQueue.open(`songnodes-${source.name}`, { config: configuration });
  const run: SourceRun = { source, context, queue, report, handled: new Map(), failed: new Map(), stopped: null, crawler: undefined as never };
  run.crawler = source.createSetlistCrawler({
    context,
    configuration,
    requestQueue: queue,
    onFailure: (ref, error) => run.failed.set(ref.url, error.message),
    onPage: async (ref, page) => {
      try {
        await handleSetlistPage(run, ref, page);
      } catch (error) {
        if (error instanceof SourceStoppedError) run.stopped = error;
        throw error;
      }
    },
  });
  // Crawlee locks a request it hands out for at least 60 s, and the lock is persisted with the queue. A worker
  // killed mid-request would make its restart wait that long for its own request. With one request at a time per
  // source there is nothing to protect against, so a short lock lets a restarted worker resume at once.
  queue.requestLockSecs = RESUME_LOCK_SECONDS;
  return run;
}

async function checkDailyCap(pool: Pool, cap: number): Promise<void> {
  const today = await countSourceRequest(pool, 'setlistfm');
  if (today > cap) throw new SourceStoppedError('setlistfm', `daily cap of ${cap} requests reached`);
}
