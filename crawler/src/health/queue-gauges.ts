import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { Gauge, type Registry } from 'prom-client';
import { readPausedSources } from '../db/runs';
import { countDueTargets } from '../db/targets';
import { describeError } from '../errors';
import { SOURCE_NAMES } from '../sources/source-names';

/** A scrape never waits longer than this for PostgreSQL; the gauges keep their last values meanwhile. */
const READ_TIMEOUT_MS = 1500;

/**
 * Gauges read from PostgreSQL at scrape time, so every worker reports the fleet's view: due targets per source
 * (the queue depth an autoscaler can follow) and whether each source's breaker pause is running.
 */
export function registerQueueGauges(registry: Registry, pool: Pool, logger: Logger): void {
  new Gauge({
    name: 'songnodes_crawl_due_targets',
    help: 'targets due for a search, per source (ops.target_track_searches; the crawl queue depth)',
    labelNames: ['source'] as const,
    registers: [registry],
    async collect() {
      const due = await readWithin(() => countDueTargets(pool), logger);
      if (due) for (const source of SOURCE_NAMES) this.set({ source }, due[source] ?? 0);
    },
  });
  new Gauge({
    name: 'songnodes_crawl_breaker_open',
    help: '1 while the source is paused by its circuit breaker (ops.source_state, shared by every worker), else 0',
    labelNames: ['source'] as const,
    registers: [registry],
    async collect() {
      const paused = await readWithin(() => readPausedSources(pool), logger);
      if (paused) for (const source of SOURCE_NAMES) this.set({ source }, paused.includes(source) ? 1 : 0);
    },
  });
}

async function readWithin<T>(read: () => Promise<T>, logger: Logger): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      read(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    logger.warn({ err: describeError(error) }, 'metrics: PostgreSQL read failed; gauges keep their last values');
    return null;
  } finally {
    clearTimeout(timer);
  }
}
