// `npm run sync -- --watch`: keeps one gold instance in step with silver. Wakes on NOTIFY silver_changed (debounced,
// so a burst of setlists is one run) and on a timer (a lost notification costs at most one interval), runs one
// thing at a time (a sync run, or the community job once gold has been quiet), and on abort (SIGTERM) abandons the
// current run between batches, so the watermark stays exact and the next run converges.
import { runCommunityJob } from './communities';
import { listenForSilverChanges } from './listen';
import { runSync, type SyncDeps, type SyncObserver } from './run-sync';
import { SyncAbortedError } from './watermark';

/** Told about runs, batches and community jobs (the daemon's /metrics). */
export interface WatchObserver extends SyncObserver {
  communitiesFinished(outcome: 'ok' | 'failed' | 'aborted', seconds: number): void;
}

export interface WatchOptions {
  /** the gold instance this daemon feeds @default 'gold' */
  name?: string;
  /** rows per Neo4j transaction @default 5000 */
  batchSize?: number;
  /** concurrent transactions when a run turns out to be a full rebuild @default 2 */
  writers?: number;
  /** run at least this often @default 30 */
  intervalSeconds?: number;
  /** delay between a NOTIFY and the run it starts @default 100 */
  debounceMs?: number;
  /** recompute communities once no run has changed gold for this long @default 10 */
  communitiesDelaySeconds?: number;
  /** see SyncOptions.instanceTtlSeconds @default 86400 */
  instanceTtlSeconds?: number;
  /** aborting stops the watch: the running sync stops after its current batch, nothing new starts */
  signal: AbortSignal;
  observer?: WatchObserver;
}

/** Communities wait for gold to be quiet, but a steady stream of changes cannot postpone them for longer than this. */
const COMMUNITIES_MAX_WAIT_MS = 5 * 60_000;

/** Resolves once `signal` aborted and the current run stopped. A failed run is logged and retried on the next wake. */
export async function watchSilver(deps: SyncDeps, options: WatchOptions): Promise<void> {
  const { signal, observer } = options;
  const name = options.name ?? 'gold';
  const logger = deps.logger.child({ sync: name });
  const debounceMs = options.debounceMs ?? 100;
  const communitiesDelayMs = (options.communitiesDelaySeconds ?? 10) * 1000;
  let running: Promise<void> | null = null;
  let wokenWhileRunning = false;
  let debounce: NodeJS.Timeout | null = null;
  let communitiesTimer: NodeJS.Timeout | null = null;
  /** when the community job became due (gold changed, or requestSync), null when it is not */
  let communitiesDueSince: number | null = null;
  let lastChangeAt = 0;

  const markCommunitiesDue = () => {
    lastChangeAt = Date.now();
    communitiesDueSince ??= lastChangeAt;
  };

  /** Whatever ran has finished: a wake that came meanwhile runs now, else the community job is (re)scheduled. */
  const slotFreed = () => {
    running = null;
    if (signal.aborted) return;
    if (wokenWhileRunning) {
      wokenWhileRunning = false;
      wake('notify');
      return;
    }
    scheduleCommunities();
  };

  const startSync = (reason: string) => {
    running = runSync(deps, {
      name,
      batchSize: options.batchSize,
      writers: options.writers,
      instanceTtlSeconds: options.instanceTtlSeconds,
      signal,
      observer,
    })
      .then(
        (summary) => {
          logger.info({ reason, ...summary }, 'sync run finished');
          if (summary.batches > 0 || summary.mode === 'full') markCommunitiesDue();
        },
        (error: unknown) => {
          if (error instanceof SyncAbortedError)
            logger.info({ reason }, 'sync run abandoned; the next run resumes from the stored watermark');
          else logger.error({ err: error, reason }, 'sync run failed; retrying on the next NOTIFY or tick');
        },
      )
      .finally(slotFreed);
  };

  const startCommunities = () => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    running = runCommunityJob(deps, { name, signal })
      .then(
        (result) => {
          communitiesDueSince = null;
          observer?.communitiesFinished('ok', seconds());
          logger.info(result, 'communities stored');
        },
        (error: unknown) => {
          const aborted = error instanceof SyncAbortedError;
          observer?.communitiesFinished(aborted ? 'aborted' : 'failed', seconds());
          // Still due: tried again once gold has been quiet for another delay.
          lastChangeAt = Date.now();
          if (!aborted) logger.error({ err: error }, 'community detection failed; the stored communities stay as they were');
        },
      )
      .finally(slotFreed);
  };

  const scheduleCommunities = () => {
    if (communitiesTimer) clearTimeout(communitiesTimer);
    communitiesTimer = null;
    if (communitiesDueSince === null) return;
    const at = Math.min(lastChangeAt + communitiesDelayMs, communitiesDueSince + COMMUNITIES_MAX_WAIT_MS);
    communitiesTimer = setTimeout(
      () => {
        communitiesTimer = null;
        // Busy or about to run a sync: that run's end schedules this again.
        if (!running && !debounce && !signal.aborted) startCommunities();
      },
      Math.max(0, at - Date.now()),
    );
  };

  const wake = (reason: string) => {
    if (signal.aborted) return;
    if (reason === 'requested') markCommunitiesDue();
    if (running) {
      // A change committed during a run may have missed its snapshot: run once more afterwards.
      wokenWhileRunning = true;
      return;
    }
    if (debounce) return;
    debounce = setTimeout(
      () => {
        debounce = null;
        startSync(reason);
      },
      reason === 'notify' || reason === 'requested' ? debounceMs : 0,
    );
  };

  const listener = await listenForSilverChanges(deps.pg, logger, wake);
  const timer = setInterval(() => wake('timer'), (options.intervalSeconds ?? 30) * 1000);
  logger.info({ intervalSeconds: options.intervalSeconds ?? 30, debounceMs }, 'watching silver_changed');
  wake('start');

  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearInterval(timer);
  if (debounce) clearTimeout(debounce);
  if (communitiesTimer) clearTimeout(communitiesTimer);
  await listener.close();
  await running;
  logger.info('watch stopped');
}
