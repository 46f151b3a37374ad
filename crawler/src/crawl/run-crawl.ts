import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { CrawlerConfig } from '../config';
import { finishCrawlRun, startCrawlRun } from '../db/runs';
import { describeError } from '../errors';
import { createCrawlerMetrics, type CrawlerMetrics } from '../health/metrics';
import { SOURCES } from '../sources/registry';
import type { SourceName } from '../sources/source-names';
import { crawlSource } from './crawl-source';
import { createProgressReporter, type ReportProgress } from './progress';

export interface RunCrawlOptions {
  /** only these sources @default all */
  sources?: SourceName[];
  /** at most this many targets per source @default unlimited */
  limit?: number;
  /** search targets that are not due yet */
  force?: boolean;
  /** stops the run (SIGTERM): no more claims; the target in progress is finished or given back */
  signal?: AbortSignal;
}

export interface SourceSummary {
  targets: number;
  setlists: number;
  failedTargets: number;
  /** of the failed targets, those that failed on our side (Crawlee state, PostgreSQL, a bug), not the source's */
  localFailures?: number;
  skipped?: string;
  stopped?: string;
}

export interface CrawlSummary {
  runId: number;
  sources: Partial<Record<SourceName, SourceSummary>>;
  /** the run was stopped by its signal before it ran out of due targets */
  aborted?: boolean;
}

/** What a run needs; `metrics` and `report` default to fresh ones (the worker passes its own). */
export interface CrawlDeps {
  config: CrawlerConfig;
  pool: Pool;
  logger: Logger;
  metrics?: CrawlerMetrics;
  report?: ReportProgress;
}

/**
 * `crawl run`: for each source, finish what a killed run left in its persisted request queue, then claim due
 * targets one by one (FOR UPDATE SKIP LOCKED, so several workers can run at once), search, scrape, store.
 * A source that is stopped (anti-bot page, breaker, cap) is paused in ops.source_state and the others go on;
 * a failure of ours is recorded on its target and never pauses anything (crawl-source.ts).
 */
export async function runCrawl(deps: CrawlDeps, options: RunCrawlOptions): Promise<CrawlSummary> {
  const { config, pool, logger } = deps;
  const metrics = deps.metrics ?? createCrawlerMetrics();
  const { signal, ...args } = options;
  const runId = await startCrawlRun(pool, config.workerId, 'run', args);
  const summary: CrawlSummary = { runId, sources: {} };
  const report = deps.report ?? createProgressReporter(pool, logger);
  try {
    for (const source of SOURCES.filter((s) => !options.sources || options.sources.includes(s.name))) {
      if (signal?.aborted) break;
      summary.sources[source.name] = await crawlSource({ config, pool, logger, runId, report, metrics, signal }, source, options);
    }
    if (signal?.aborted) summary.aborted = true;
    await finishCrawlRun(pool, runId, summary.aborted ? 'aborted' : 'ok', summary);
    metrics.run(summary.aborted ? 'aborted' : 'ok');
    return summary;
  } catch (error) {
    metrics.run('failed');
    await finishCrawlRun(pool, runId, 'failed', { ...summary, error: describeError(error) }).catch(() => undefined);
    throw error;
  }
}
