// `npm run sync -- --watch`: keeps gold in step with silver. Wakes on NOTIFY silver_changed (debounced, so a burst
// of setlists is one run) and on a timer (a lost notification costs at most one interval), never runs two syncs
// at once, and stops cleanly when its signal aborts.
import { listenForSilverChanges } from './listen';
import { runSync, type SyncDeps } from './run-sync';

export interface WatchOptions {
  /** rows per Neo4j transaction @default 5000 */
  batchSize?: number;
  /** concurrent transactions when a run turns out to be a full rebuild @default 2 */
  writers?: number;
  /** run at least this often @default 30 */
  intervalSeconds?: number;
  /** delay between a NOTIFY and the run it starts @default 100 */
  debounceMs?: number;
  /** aborting stops the watch: the running sync finishes, nothing new starts */
  signal: AbortSignal;
}

/** Resolves once `signal` aborted and the last run finished. A failed run is logged and retried on the next wake. */
export async function watchSilver(deps: SyncDeps, options: WatchOptions): Promise<void> {
  const { logger } = deps;
  const debounceMs = options.debounceMs ?? 100;
  let running: Promise<void> | null = null;
  let wokenWhileRunning = false;
  let debounce: NodeJS.Timeout | null = null;

  const start = (reason: string) => {
    running = runSync(deps, { batchSize: options.batchSize, writers: options.writers })
      .then(
        (summary) => logger.info({ reason, ...summary }, 'sync run finished'),
        (error: unknown) => logger.error({ err: error, reason }, 'sync run failed; retrying on the next NOTIFY or tick'),
      )
      .finally(() => {
        running = null;
        if (wokenWhileRunning && !options.signal.aborted) {
          wokenWhileRunning = false;
          wake('notify');
        }
      });
  };

  const wake = (reason: string) => {
    if (options.signal.aborted) return;
    if (running) {
      // A change committed during a run may have missed its snapshot: run once more afterwards.
      wokenWhileRunning = true;
      return;
    }
    if (debounce) return;
    debounce = setTimeout(
      () => {
        debounce = null;
        start(reason);
      },
      reason === 'notify' ? debounceMs : 0,
    );
  };

  const listener = await listenForSilverChanges(deps.pg, logger, wake);
  const timer = setInterval(() => wake('timer'), (options.intervalSeconds ?? 30) * 1000);
  logger.info({ intervalSeconds: options.intervalSeconds ?? 30, debounceMs }, 'watching silver_changed');
  wake('start');

  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearInterval(timer);
  if (debounce) clearTimeout(debounce);
  await listener.close();
  await running;
  logger.info('watch stopped');
}
