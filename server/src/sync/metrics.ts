// Prometheus metrics of one sync daemon (`sync --watch`), every series labelled gold="<SYNC_INSTANCE_NAME>"
// (not "instance": Prometheus gives that label to the scrape target itself).
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { sqlQuery } from '../db/statements';
import type { Logger } from '../logger';
import type { GoldBatch } from './gold-changes';
import type { WatchObserver } from './watch';
import type { BatchResult, WriteMode } from './write-gold';

/** The lag of one instance, as read-lag.sql finds it; NaN where it cannot be said (never synced, rebuilding). */
export interface SyncLag {
  /** transactions that wrote silver and that the watermark's snapshot does not see (0: gold holds everything) */
  transactions: number;
  /** 0 when nothing is pending, else the age of the watermark's snapshot: an upper bound on the oldest change's wait */
  seconds: number;
  rebuilding: boolean;
}

/** Reads instance `name`'s lag: its state, then the transactions its snapshot does not see (two index lookups a table). */
export async function readSyncLag(pg: Pool, name: string): Promise<SyncLag> {
  const { rows } = await pg.query(sqlQuery('sync/read-lag'), [name]);
  const row = rows[0] as { snapshot: string | null; watermark_at: Date | null; rebuilding: boolean; now: Date } | undefined;
  const rebuilding = row?.rebuilding === true;
  const ageSeconds = row?.watermark_at ? (row.now.getTime() - row.watermark_at.getTime()) / 1000 : Number.NaN;
  if (!row?.snapshot) return { transactions: Number.NaN, seconds: ageSeconds, rebuilding };
  const { rows: pending } = await pg.query<{ transactions: number }>(sqlQuery('sync/count-pending'), [row.snapshot]);
  const transactions = pending[0]!.transactions;
  return { transactions, seconds: transactions === 0 ? 0 : ageSeconds, rebuilding };
}

export interface SyncMetrics extends WatchObserver {
  registry: Registry;
}

/**
 * The daemon's registry: lag (collected at scrape time through `lagPool`, a pool whose queries time out quickly),
 * batch durations, rows written by kind, runs and community jobs by outcome, and Node's process metrics.
 */
export function createSyncMetrics(name: string, lagPool: Pool, logger: Logger): SyncMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ gold: name });
  collectDefaultMetrics({ register: registry });
  let lag: Promise<SyncLag> | null = null;
  // Both lag gauges are collected by one scrape: one query, shared.
  const currentLag = () => {
    lag ??= readSyncLag(lagPool, name)
      .catch((error: unknown): SyncLag => {
        logger.warn({ err: error }, 'could not read the sync lag; reporting NaN');
        return { transactions: Number.NaN, seconds: Number.NaN, rebuilding: false };
      })
      .finally(() => setImmediate(() => (lag = null)));
    return lag;
  };
  new Gauge({
    name: 'songnodes_sync_lag_transactions',
    help: "silver-writing transactions this instance's watermark does not cover yet (NaN: never synced or rebuilding)",
    registers: [registry],
    async collect() {
      this.set((await currentLag()).transactions);
    },
  });
  new Gauge({
    name: 'songnodes_sync_lag_seconds',
    help: 'how long a change may have waited for this gold instance: 0 when caught up, else the watermark age',
    registers: [registry],
    async collect() {
      this.set((await currentLag()).seconds);
    },
  });
  new Gauge({
    name: 'songnodes_sync_rebuilding',
    help: '1 while this instance has an unfinished --full rebuild (its gold is half-built)',
    registers: [registry],
    async collect() {
      this.set((await currentLag()).rebuilding ? 1 : 0);
    },
  });
  const batchSeconds = new Histogram({
    name: 'songnodes_sync_batch_duration_seconds',
    help: 'one batch: its Neo4j transaction and its NOTIFY graph_changed, by write mode',
    labelNames: ['mode'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const rows = new Counter({
    name: 'songnodes_sync_rows_written_total',
    help: 'gold writes by kind (track, artist, credit, edge upserts; track, artist, edge removals)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const runs = new Counter({
    name: 'songnodes_sync_runs_total',
    help: 'sync runs by mode (full, incremental) and outcome (ok, failed, aborted)',
    labelNames: ['mode', 'outcome'] as const,
    registers: [registry],
  });
  const communities = new Counter({
    name: 'songnodes_sync_community_jobs_total',
    help: 'community detection jobs by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const communitySeconds = new Gauge({
    name: 'songnodes_sync_community_job_last_seconds',
    help: 'duration of the last community detection job',
    registers: [registry],
  });

  return {
    registry,
    batchCommitted(mode: WriteMode, seconds: number, batch: GoldBatch, result: BatchResult) {
      batchSeconds.observe({ mode }, seconds);
      const credits = batch.credits.length + batch.tracks.reduce((sum, t) => sum + t.credits.length, 0);
      const written: Record<string, number> = {
        track: result.tracksUpserted,
        artist: batch.artists.length,
        credit: credits,
        edge: result.edgesUpserted,
        track_removed: result.tracksRemoved,
        artist_removed: result.artistsRemoved,
        edge_removed: result.edgesRemoved,
      };
      for (const [kind, count] of Object.entries(written)) if (count > 0) rows.inc({ kind }, count);
    },
    runFinished(mode, outcome) {
      runs.inc({ mode, outcome });
    },
    communitiesFinished(outcome, seconds) {
      communities.inc({ outcome });
      communitySeconds.set(seconds);
    },
  };
}
