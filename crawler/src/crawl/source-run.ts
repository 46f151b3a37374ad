import { RequestQueue, type Configuration } from '@crawlee/basic';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { CrawlerConfig } from '../config';
import { savePage } from '../db/bronze';
import { countSourceRequest } from '../db/runs';
import { LocalFailureError, ShutdownError, SourceStoppedError, describeError, isDatabaseError } from '../errors';
import type { CrawlerMetrics } from '../health/metrics';
import { CircuitBreaker } from '../http/circuit-breaker';
import { PoliteFetcher } from '../http/polite-fetcher';
import type { CrawlSource } from '../sources/types';
import { handleSetlistPage, type SourceRun } from './crawl-target';
import { crawlStateDir, crawleeConfiguration, discardCrawlState } from './crawl-state';
import type { ReportProgress } from './progress';

/** What every source's part of one run shares. */
export interface RunDeps {
  config: CrawlerConfig;
  pool: Pool;
  logger: Logger;
  runId: number;
  report: ReportProgress;
  metrics: CrawlerMetrics;
  /** aborted when the worker stops */
  signal?: AbortSignal;
}

/**
 * Sets a source up for a run: its polite fetcher and breaker, and its Crawlee request queue and crawler over an
 * empty state (crawl-state.ts: whatever a previous process left is discarded). Throws LocalFailureError
 * 'crawl-state' only when even an empty state cannot be opened (an unwritable CRAWLER_STORAGE_DIR).
 */
export async function openSourceRun(deps: RunDeps, source: CrawlSource): Promise<SourceRun> {
  const { config, pool, logger, runId, report, metrics, signal } = deps;
  const breaker = new CircuitBreaker({ threshold: config.breakerThreshold });
  const run = {
    source,
    report,
    metrics,
    breaker,
    signal,
    handled: new Map(),
    failed: new Map(),
    failedLocally: new Map(),
    stopped: null,
  } as Omit<SourceRun, 'context' | 'crawler' | 'resetState' | 'close'> as SourceRun;
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
    beforeRequest: source.name === 'setlistfm' ? () => checkDailyCap(run, pool, config.setlistfmDailyCap) : undefined,
    onRetry: (info) => logger.info({ source: source.name, ...info }, 'retrying'),
    onResponse: (status) => metrics.request(source.name, status),
    signal,
  });
  run.context = {
    config,
    pool,
    logger: logger.child({ source: source.name }),
    fetcher,
    crawlRunId: runId,
    savePage: async (page, kind) => {
      const id = await savePage(pool, { ...page, source: source.name, kind, crawlRunId: runId });
      metrics.page(source.name, kind, page.status);
      return id;
    },
  };
  const dir = crawlStateDir(config.storageDir, source.name);
  let configuration: Configuration | null = null;
  // A crawler whose run() failed early never tore down: its event manager's timers would outlive it (and keep a
  // process from exiting). Closing an event manager that is already closed does nothing.
  const detach = async () => {
    await configuration
      ?.getEventManager()
      .close()
      .catch(() => undefined);
    configuration = null;
  };
  const openEmpty = async () => {
    await detach();
    const discarded = await discardCrawlState(dir).catch((error: unknown) => {
      throw new LocalFailureError('crawl-state', `cannot delete ${dir}: ${describeError(error)}`, { cause: error });
    });
    configuration = await attachCrawlee(run, dir).catch((error: unknown) => {
      throw new LocalFailureError('crawl-state', `an empty Crawlee state at ${dir} fails: ${describeError(error)}`, { cause: error });
    });
    return discarded;
  };
  run.resetState = async (why) => {
    run.context.logger.warn(
      { dir, err: describeError(why) },
      'Crawlee state failed: reset to an empty one and going on (its pages are in bronze)',
    );
    metrics.stateReset(source.name);
    await openEmpty();
  };
  run.close = async () => {
    await detach();
    await discardCrawlState(dir).catch((error: unknown) =>
      run.context.logger.warn({ dir, err: describeError(error) }, 'could not delete the Crawlee state'),
    );
  };
  if (await openEmpty()) {
    run.context.logger.info(
      { dir },
      'discarded the Crawlee state a process that did not finish left behind; its targets are claimed again',
    );
  }
  return run;
}

/** A fresh Crawlee configuration, request queue and crawler over the state in `dir`; returns the configuration. */
async function attachCrawlee(run: SourceRun, dir: string): Promise<Configuration> {
  const configuration = crawleeConfiguration(dir);
  const queue = await RequestQueue.open(`songnodes-${run.source.name}`, { config: configuration });
  run.crawler = run.source.createSetlistCrawler({
    context: run.context,
    configuration,
    requestQueue: queue,
    onFailure: (ref, error) => recordPageFailure(run, ref.url, error),
    onPage: async (ref, page) => {
      try {
        await handleSetlistPage(run, ref, page);
      } catch (error) {
        if (error instanceof SourceStoppedError) run.stopped = error;
        throw error;
      }
    },
  });
  return configuration;
}

/**
 * A setlist page Crawlee gave up on: the source's doing (recorded on the target as not usable) or ours (the
 * target is tried again soon). A page cut short by shutdown is neither: it stays queued.
 */
function recordPageFailure(run: SourceRun, url: string, error: Error): void {
  const local =
    error instanceof LocalFailureError
      ? error
      : isDatabaseError(error)
        ? new LocalFailureError('database', `storing ${url}: ${describeError(error)}`, { cause: error })
        : null;
  if (local) {
    run.failedLocally.set(url, local);
    run.metrics.setlistRefused(run.source.name, 'local_failure');
  } else if (!(error instanceof ShutdownError)) {
    run.failed.set(url, error.message);
    run.metrics.setlistRefused(run.source.name, 'page_failed');
  }
}

async function checkDailyCap(run: SourceRun, pool: Pool, cap: number): Promise<void> {
  const today = await countSourceRequest(pool, 'setlistfm');
  if (today > cap) {
    run.stopped = new SourceStoppedError('setlistfm', `daily cap of ${cap} requests reached`);
    throw run.stopped;
  }
}
