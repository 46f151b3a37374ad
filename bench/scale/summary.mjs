// Pure summaries of bench/scale's measurements (run.mjs): load results and the crawl's exactly-once count.

/** The q-quantile (0..1) of sorted numbers, nearest rank; null for none. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const round = (x, digits = 1) => (x === null ? null : Number(x.toFixed(digits)));

/**
 * Summarises one load run. `records`: one per finished request, `{ at, ms, ok, error? }` (`at` ms since the run
 * started, when it finished). `event`: ms since the start when something was done to the system (a process killed):
 * failures and successes are also counted before and after it, and `lastFailureAt` says how long failures went on.
 */
export function summariseLoad(records, { seconds, event = null } = {}) {
  if (!(seconds > 0)) throw new Error('summariseLoad needs the run length in seconds');
  const ok = records.filter((r) => r.ok);
  const failed = records.filter((r) => !r.ok);
  const latencies = ok.map((r) => r.ms).sort((a, b) => a - b);
  const errors = {};
  for (const r of failed) errors[r.error ?? 'unknown'] = (errors[r.error ?? 'unknown'] ?? 0) + 1;
  const summary = {
    total: records.length,
    ok: ok.length,
    failed: failed.length,
    rps: round(ok.length / seconds),
    p50: round(quantile(latencies, 0.5), 2),
    p95: round(quantile(latencies, 0.95), 2),
    errors,
  };
  if (event !== null) {
    const after = records.filter((r) => r.at >= event);
    summary.event = {
      at: round(event / 1000, 2),
      okBefore: records.filter((r) => r.at < event && r.ok).length,
      failedBefore: records.filter((r) => r.at < event && !r.ok).length,
      okAfter: after.filter((r) => r.ok).length,
      failedAfter: after.filter((r) => !r.ok).length,
      // seconds from the event to the last failure: how long the loss lasted
      lastFailureAfter: failed.length ? round(Math.max(0, Math.max(...failed.map((r) => r.at)) - event) / 1000, 2) : null,
      // successes in the last quarter of the run: the rest carries on
      okInLastQuarter: records.filter((r) => r.ok && r.at >= seconds * 750).length,
      // each failure (the first 20): when it was sent and when it ended, in seconds after the event
      failures: failed.slice(0, 20).map((r) => ({
        sent: round((r.at - r.ms - event) / 1000, 2),
        ended: round((r.at - event) / 1000, 2),
        error: r.error ?? 'unknown',
      })),
    };
  }
  return summary;
}

/**
 * The crawl's exactly-once verdict from `ops.target_track_searches` rows `{ status, attempts }` and the per-run
 * target counts `ops.crawl_runs` recorded `{ worker, targets }`.
 */
export function exactlyOnce(targets, runs) {
  if (targets.length === 0) throw new Error('no targets: nothing was crawled');
  const searches = targets.reduce((sum, t) => sum + t.attempts, 0);
  const byWorker = {};
  for (const r of runs) byWorker[r.worker] = (byWorker[r.worker] ?? 0) + r.targets;
  const claimed = Object.values(byWorker).reduce((a, b) => a + b, 0);
  return {
    targets: targets.length,
    done: targets.filter((t) => t.status === 'done').length,
    searches,
    neverSearched: targets.filter((t) => t.attempts === 0).length,
    searchedMoreThanOnce: targets.filter((t) => t.attempts > 1).length,
    claimedByWorkers: byWorker,
    exactlyOnce: searches === targets.length && claimed === targets.length && targets.every((t) => t.attempts === 1),
  };
}
