import { pauseSource, readSourcePause } from '../db/runs';
import { claimTarget, type ClaimedTarget, type TargetResult } from '../db/targets';
import { LocalFailureError, ShutdownError, SourceStoppedError, describeError, isDatabaseError, localFailureKind } from '../errors';
import type { CrawlSource } from '../sources/types';
import { crawlTarget, type SourceRun } from './crawl-target';
import type { RunCrawlOptions, SourceSummary } from './run-crawl';
import { openSourceRun, type RunDeps } from './source-run';

/**
 * One source's part of a run. What ends it, and what that means:
 * - the source stops us (anti-bot page, breaker, daily cap): the target is `blocked`, the source paused;
 * - a target fails, the source's doing or ours: it is `failed` and due again soon (15 min, doubling up to a day);
 *   a failure of ours says so in `last_error` and in the metrics, and never pauses the source;
 * - Crawlee's state cannot be opened even empty: the source is skipped this run, not paused;
 * - the worker stops: the target in progress is given back (its row lock released) for any worker to claim.
 */
export async function crawlSource(deps: RunDeps, source: CrawlSource, options: RunCrawlOptions): Promise<SourceSummary> {
  const { config, pool, runId, report, metrics, signal } = deps;
  const summary: SourceSummary = { targets: 0, setlists: 0, failedTargets: 0 };
  const unavailable = source.unavailableReason(config);
  const pause = await readSourcePause(pool, source.name);
  const skipped = unavailable ?? (pause ? `paused until ${pause.until.toISOString()}: ${pause.reason}` : null);
  if (skipped) {
    await report({ runId, source: source.name, event: 'source-skipped', detail: { reason: skipped } });
    return { ...summary, skipped };
  }

  let run: SourceRun;
  try {
    run = await openSourceRun(deps, source);
  } catch (error) {
    if (!(error instanceof LocalFailureError)) throw error;
    metrics.localFailure(source.name, error.kind);
    deps.logger.error({ source: source.name, err: error.message }, 'source skipped this run: its Crawlee state cannot be opened');
    await report({ runId, source: source.name, event: 'source-skipped', detail: { reason: error.message } });
    return { ...summary, skipped: error.message };
  }
  const processed: number[] = [];
  try {
    while (!signal?.aborted && (options.limit === undefined || processed.length < options.limit)) {
      const claim = await claimTarget(pool, [source.name], { force: options.force ?? false, exclude: processed });
      if (!claim) break;
      processed.push(claim.target.id);
      await crawlClaimedTarget(run, claim, summary);
    }
  } catch (error) {
    if (error instanceof ShutdownError) return summary;
    if (!(error instanceof SourceStoppedError)) throw error;
    summary.stopped = error.reason;
    await pauseSource(pool, source.name, config.breakerCooldownMinutes * 60, error.reason);
    await report({ runId, source: source.name, event: 'source-stopped', detail: { reason: error.reason } });
  } finally {
    await run.close();
  }
  return summary;
}

async function crawlClaimedTarget(run: SourceRun, claim: ClaimedTarget, summary: SourceSummary): Promise<void> {
  const { source, metrics } = run;
  const { logger } = run.context;
  let result: TargetResult;
  let failure: unknown = null;
  try {
    result = await crawlTarget(run, claim.target);
  } catch (error) {
    if (error instanceof ShutdownError) {
      // ROLLBACK: nothing recorded, the lock released at once, the target due as before.
      await claim
        .release()
        .catch((e: unknown) =>
          logger.warn({ targetId: claim.target.id, err: describeError(e) }, 'release failed; the lock ends with its connection'),
        );
      metrics.target(source.name, 'released');
      throw error;
    }
    failure = error;
    result = failedResult(error, claim.target.attempts);
  }
  if (!(await finishClaim(run, claim, result))) {
    summary.localFailures = (summary.localFailures ?? 0) + 1;
    return;
  }
  if (failure === null) {
    summary.targets += 1;
    summary.setlists += result.setlistsFound;
    metrics.target(source.name, 'done');
    return;
  }
  summary.failedTargets += 1;
  metrics.target(source.name, result.status === 'blocked' ? 'blocked' : 'failed');
  if (failure instanceof SourceStoppedError) throw failure;
  const local = localFailureKind(failure);
  if (local) {
    summary.localFailures = (summary.localFailures ?? 0) + 1;
    metrics.localFailure(source.name, local);
    logger.error(
      { targetId: claim.target.id, kind: local, err: describeError(failure) },
      'target failed on our side; the source is not held responsible',
    );
  } else {
    logger.warn({ targetId: claim.target.id, err: describeError(failure) }, 'target failed; the run goes on');
  }
}

function failedResult(error: unknown, attempts: number): TargetResult {
  const local = localFailureKind(error);
  const message =
    local && !(error instanceof LocalFailureError) ? new LocalFailureError(local, describeError(error)).message : describeError(error);
  return {
    status: error instanceof SourceStoppedError ? 'blocked' : 'failed',
    resultsFound: 0,
    setlistsFound: 0,
    error: message,
    // A failed search is tried again soon, later each time: 15 min, 30 min, ... up to a day.
    dueInSeconds: Math.min(900 * 2 ** attempts, 86_400),
  };
}

/**
 * Records the target's result; false when it could not. If the claim's connection is gone (PostgreSQL restarted, a
 * backend terminated), its lock went with it: the target is due and claimable as before, and will be searched
 * again, re-using the pages in bronze.
 */
async function finishClaim(run: SourceRun, claim: ClaimedTarget, result: TargetResult): Promise<boolean> {
  try {
    await claim.finish(result);
    return true;
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    run.metrics.localFailure(run.source.name, 'database');
    run.context.logger.error(
      { targetId: claim.target.id, err: describeError(error) },
      'could not record the target; it will be searched again',
    );
    return false;
  }
}
