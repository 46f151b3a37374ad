import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { collectDefaultMetrics } from 'prom-client';
import type { CrawlerConfig } from '../config';
import type { WorkerStatus } from '../crawl/worker';
import { startHealthServer, type CheckResult, type HealthServer } from './health-server';
import type { CrawlerMetrics } from './metrics';
import { probeDatabase } from './probe-database';
import { registerQueueGauges } from './queue-gauges';

/** The readiness probe's own limit for PostgreSQL: well under the 2 s a probe may take. */
const DATABASE_PROBE_MS = 1500;

/**
 * Is the worker loop alive? It is while it crawls, sleeps or starts — unless it has been crawling for longer than
 * `stallMs` without counting anything (a request, a page, a target): then it is stuck, not working.
 */
export function loopCheck(status: WorkerStatus, lastActivityAt: number, stallMs: number, now = Date.now()): CheckResult {
  const { state, since, runs, lastError } = status;
  const quietMs = now - Math.max(since, lastActivityAt);
  if (state === 'stopping' || state === 'stopped') return { ok: false, state, runs, reason: `the worker is ${state}` };
  if (state === 'crawling' && quietMs > stallMs) {
    return { ok: false, state, runs, reason: `crawling without any request, page or target for ${Math.round(quietMs / 1000)} s` };
  }
  return { ok: true, state, runs, lastError };
}

/**
 * `crawl worker`'s health server: /healthz (the process and its loop are up), /readyz (PostgreSQL answers within
 * 1.5 s and the loop is alive), /metrics (the crawl counters, due targets and breaker state per source, and
 * Node's process metrics).
 */
export async function startWorkerHealth(deps: {
  config: CrawlerConfig;
  pool: Pool;
  logger: Logger;
  metrics: CrawlerMetrics;
  status: WorkerStatus;
}): Promise<HealthServer> {
  const { config, pool, logger, metrics, status } = deps;
  collectDefaultMetrics({ register: metrics.registry });
  registerQueueGauges(metrics.registry, pool, logger);
  const stallMs = config.stallMinutes * 60_000;
  return startHealthServer({
    host: config.healthHost,
    port: config.healthPort,
    registry: metrics.registry,
    logger,
    live: () => ({ ok: status.state !== 'stopped', state: status.state }),
    ready: async () => {
      const [database, loop] = [
        await probeDatabase(config.databaseUrl, DATABASE_PROBE_MS),
        loopCheck(status, metrics.lastActivityAt, stallMs),
      ];
      return { ok: database.ok && loop.ok, checks: { database, loop } };
    },
  });
}
