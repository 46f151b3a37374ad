import { Configuration, log as crawleeLog } from '@crawlee/basic';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { CrawlerConfig } from '../config';
import { finishCrawlRun, pauseSource, readSourcePause, startCrawlRun } from '../db/runs';
import { claimTarget } from '../db/targets';
import { SourceStoppedError, describeError } from '../errors';
import { SOURCES } from '../sources/registry';
import type { CrawlSource } from '../sources/types';
import type { SourceName } from '../sources/source-names';
import { crawlTarget, runCrawler } from './crawl-target';
import { createProgressReporter } from './progress';
import { openSourceRun, type RunDeps } from './source-run';

export interface RunCrawlOptions {
  /** only these sources @default all */
  sources?: SourceName[];
  /** at most this many targets per source @default unlimited */
  limit?: number;
  /** search targets that are not due yet */
  force?: boolean;
}

export interface SourceSummary {
  targets: number;
  setlists: number;
  failedTargets: number;
  skipped?: string;
  stopped?: string;
}

export interface CrawlSummary {
  runId: number;
  sources: Partial<Record<SourceName, SourceSummary>>;
}

/**
 * `crawl run`: for each source, finish what a killed run left in its persisted request queue, then claim due
 * targets one by one (FOR UPDATE SKIP LOCKED, so several workers can run at once), search, scrape, store.
 * A source that is stopped (anti-bot page, breaker, cap) is paused in ops.source_state and the others go on.
 */
export async function runCrawl(deps: { config: CrawlerConfig; pool: Pool; logger: Logger }, options: RunCrawlOptions): Promise<CrawlSummary> {
  const { config, pool, logger } = deps;
  // Our logger reports every request outcome; Crawlee's own console logging would say it twice.
  crawleeLog.setLevel(crawleeLog.LEVELS.OFF);
  const runId = await startCrawlRun(pool, config.workerId, 'run', options);
  const summary: CrawlSummary = { runId, sources: {} };
  const report = createProgressReporter(pool, logger);
  const configuration = new Configuration({
    persistStorage: true,
    purgeOnStart: false,
    storageClientOptions: { localDataDirectory: config.storageDir },
  });
  try {
    for (const source of SOURCES.filter((s) => !options.sources || options.sources.includes(s.name))) {
      summary.sources[source.name] = await crawlSource({ config, pool, logger, runId, configuration, report }, source, options);
    }
    await finishCrawlRun(pool, runId, 'ok', summary);
    return summary;
  } catch (error) {
    await finishCrawlRun(pool, runId, 'failed', { ...summary, error: describeError(error) }).catch(() => undefined);
    throw error;
  }
}


async function crawlSource(deps: RunDeps, source: CrawlSource, options: RunCrawlOptions): Promise<SourceSummary> {
  const { config, pool, logger, runId, report } = deps;
  const summary: SourceSummary = { targets: 0, setlists: 0, failedTargets: 0 };
  const unavailable = source.unavailableReason(config);
  const pause = await readSourcePause(pool, source.name);
  const skipped = unavailable ?? (pause ? `paused until ${pause.until.toISOString()}: ${pause.reason}` : null);
  if (skipped) {
    await report({ runId, source: source.name, event: 'source-skipped', detail: { reason: skipped } });
    return { ...summary, skipped };
  }

  const run = await openSourceRun(deps, source);
  const processed: number[] = [];
  try {
    if (!(await run.queue.isEmpty())) await runCrawler(run); // what a killed run left behind
    while (options.limit === undefined || processed.length < options.limit) {
      const claim = await claimTarget(pool, [source.name], { force: options.force ?? false, exclude: processed });
      if (!claim) break;
      processed.push(claim.target.id);
      try {
        const result = await crawlTarget(run, claim.target);
        await claim.finish(result);
        summary.targets += 1;
        summary.setlists += result.setlistsFound;
      } catch (error) {
        const stopped = error instanceof SourceStoppedError;
        await claim.finish({
          status: stopped ? 'blocked' : 'failed',
          resultsFound: 0,
          setlistsFound: 0,
          error: describeError(error),
          // A failed search is tried again soon, later each time: 15 min, 30 min, ... up to a day.
          dueInSeconds: Math.min(900 * 2 ** claim.target.attempts, 86_400),
        });
        summary.failedTargets += 1;
        if (stopped) throw error;
        logger.warn({ targetId: claim.target.id, err: describeError(error) }, 'target failed; the run goes on');
      }
    }
  } catch (error) {
    if (!(error instanceof SourceStoppedError)) throw error;
    summary.stopped = error.reason;
    await pauseSource(pool, source.name, config.breakerCooldownMinutes * 60, error.reason);
    await report({ runId, source: source.name, event: 'source-stopped', detail: { reason: error.reason } });
  }
  return summary;
}
