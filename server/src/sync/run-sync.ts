// One sync run, silver -> gold (ARCHITECTURE §4): read what changed since the watermark in one snapshot, write it
// to Neo4j in batches (NOTIFY graph_changed after each commit), and only then move the watermark. Killed at any
// point, the next run re-reads from the old watermark and SETs the same values again: gold converges to silver.
// Each gold instance has its own sync, named (SYNC_INSTANCE_NAME): its own watermark row, lock and gold marker.
import { NOTIFY_CHANNELS } from '@songnodes/contracts';
import type { Driver } from 'neo4j-driver';
import type { Pool, PoolClient } from 'pg';
import { cypherQuery, sqlQuery } from '../db/statements';
import type { Logger } from '../logger';
import { clearGold } from './clear-gold';
import { notifyGraphChanged } from './notify';
import { closeSnapshot, openSnapshot, readAllOfGold, readChangesSince } from './read-changes';
import { acquireSyncLock, beginRun, pruneSilver, releaseSyncLock, resetWatermark, storeWatermark, SyncAbortedError } from './watermark';
import { writeBatches, type BatchObserver, type WriteTotals } from './write-batches';

/** The clients a run uses; `pg` needs two connections (the snapshot, and NOTIFY). */
export interface SyncDeps {
  pg: Pool;
  neo4j: Driver;
  logger: Logger;
}

/** Told about every batch and every run's outcome (the daemon's /metrics). */
export interface SyncObserver extends BatchObserver {
  runFinished(mode: SyncSummary['mode'] | 'unknown', outcome: 'ok' | 'failed' | 'aborted'): void;
}

export interface SyncOptions {
  /** clear gold and reproject all of silver; also what happens when no watermark is stored @default false */
  full?: boolean;
  /** silver rows per Neo4j transaction and per NOTIFY graph_changed @default 5000 */
  batchSize?: number;
  /** concurrent Neo4j transactions within each phase of a --full rebuild (nodes, then relationships) @default 2 */
  writers?: number;
  /** the gold instance: its ops.sync_state row, its lock, its gold marker @default 'gold' */
  name?: string;
  /** an instance whose sync has not run for this long stops holding back pruning @default 86400 (24 h) */
  instanceTtlSeconds?: number;
  /** aborting abandons the run between batches (SyncAbortedError); the watermark stays where it was */
  signal?: AbortSignal;
  observer?: SyncObserver;
}

/** What a run did; stored as ops.sync_state.last_result and logged. */
export interface SyncSummary extends WriteTotals {
  mode: 'full' | 'incremental';
  instance: string;
  /** the watermark stored at the end (its snapshot's xmin): silver rows with changed_xid below it are in gold */
  watermark: string;
  ms: number;
}

/**
 * One run. Incremental from the stored watermark, or a full rebuild (`full`, or no watermark yet). Rejects on any
 * failure, leaving gold with the batches committed so far and the watermark where it was: run again to finish.
 */
export async function runSync(baseDeps: SyncDeps, options: SyncOptions = {}): Promise<SyncSummary> {
  const name = options.name ?? 'gold';
  // Every line of the run names its instance.
  const deps: SyncDeps = { ...baseDeps, logger: baseDeps.logger.child({ sync: name }) };
  const batchSize = options.batchSize ?? 5000;
  const { signal, observer } = options;
  const started = performance.now();
  const client = await deps.pg.connect();
  let failed = false;
  let mode: SyncSummary['mode'] | 'unknown' = 'unknown';
  try {
    await acquireSyncLock(client, name, deps.logger, signal);
    const seen = await beginRun(client, name);
    // A watermark says what this instance's gold holds only while its marker is there: a lost or replaced Neo4j
    // volume (no marker) or a --full killed half-way (marker says rebuilding) is rebuilt, never marked synced as is.
    const marker = seen === null || options.full === true ? null : await readGoldMarker(deps);
    const goldLost = seen !== null && options.full !== true && (marker === null || marker.rebuilding !== false);
    if (goldLost)
      deps.logger.warn({ marker }, 'gold does not hold what the watermark says (lost volume or unfinished rebuild): rebuilding it');
    const full = options.full === true || seen === null || goldLost;
    mode = full ? 'full' : 'incremental';
    const summary = emptySummary(mode, name);
    if (full) await clearForRebuild(deps, client, name, batchSize, summary, signal);
    const snapshot = await openSnapshot(client);
    const pages = full || seen === null ? readAllOfGold(client) : readChangesSince(client, seen);
    const writers = full ? (options.writers ?? 2) : 1;
    await writeBatches(deps, pages, { batchSize, mode: full ? 'create' : 'merge', writers, signal, observer }, summary);
    await closeSnapshot(client);
    summary.watermark = snapshot.xmin;
    summary.ms = Math.round(performance.now() - started);
    await markSynced(deps, name, snapshot.xmin);
    await storeWatermark(client, name, snapshot, summary);
    await pruneAfterRun(deps, options.instanceTtlSeconds ?? 86_400);
    await releaseSyncLock(client, name);
    observer?.runFinished(mode, 'ok');
    return summary;
  } catch (error) {
    failed = true;
    observer?.runFinished(mode, error instanceof SyncAbortedError ? 'aborted' : 'failed');
    throw error;
  } finally {
    // A failed run drops its connection: that ends its snapshot transaction and frees the advisory lock.
    client.release(failed);
  }
}

async function clearForRebuild(
  deps: SyncDeps,
  client: PoolClient,
  name: string,
  batchSize: number,
  summary: SyncSummary,
  signal: AbortSignal | undefined,
) {
  await resetWatermark(client, name);
  // Wakes this instance's --watch daemon: it queues behind the lock and finishes the rebuild if this run dies.
  await client.query(sqlQuery('sync/notify-rebuild'), [NOTIFY_CHANNELS.silverChanged, name]);
  const session = deps.neo4j.session();
  try {
    await session.executeWrite((tx) => tx.run(cypherQuery('sync/mark-rebuilding'), { instance: name }));
    let batch = 0;
    const cleared = await clearGold(
      session,
      batchSize,
      async (ids) => {
        summary.notifications += await notifyGraphChanged(deps.pg, ids);
        deps.logger.info({ batch: ++batch, tracksRemoved: ids.length }, 'gold clear batch committed');
      },
      signal,
    );
    deps.logger.info(cleared, 'gold cleared for a full rebuild');
  } finally {
    await session.close();
  }
}

/** The gold marker as stored in this instance's Neo4j, or null when there is none (nothing synced into it). */
async function readGoldMarker(deps: SyncDeps): Promise<{ instance: string | null; rebuilding: boolean | null } | null> {
  const session = deps.neo4j.session({ defaultAccessMode: 'READ' });
  try {
    const { records } = await session.run(cypherQuery('sync/read-gold-state'));
    const marker = records[0]?.toObject() as { instance: string | null; rebuilding: boolean | null } | undefined;
    return marker && marker.rebuilding !== null ? marker : null;
  } finally {
    await session.close();
  }
}

/** The gold marker: this instance is complete up to `watermark` (the API's gold pool reads it). */
async function markSynced(deps: SyncDeps, name: string, watermark: string): Promise<void> {
  const session = deps.neo4j.session();
  try {
    const previous = await session.executeWrite(async (tx) => {
      const { records } = await tx.run(cypherQuery('sync/mark-synced'), { instance: name, watermark });
      return records[0]?.get('previous') as string | null;
    });
    if (previous !== null && previous !== name) {
      deps.logger.warn({ previous }, 'this Neo4j was fed by another sync instance: give each gold instance one sync');
    }
  } finally {
    await session.close();
  }
}

/** Pruning is housekeeping: a failure is logged and retried by the next run, never a failed sync. */
async function pruneAfterRun(deps: SyncDeps, ttlSeconds: number): Promise<void> {
  try {
    const pruned = await pruneSilver(deps.pg, ttlSeconds);
    if (pruned.expired.length > 0) {
      deps.logger.warn({ expired: pruned.expired }, 'forgot gold instances whose sync had not run within SYNC_INSTANCE_TTL_HOURS');
    }
    if (pruned.events + pruned.transitions > 0) deps.logger.info(pruned, 'pruned silver rows every gold instance has passed');
  } catch (error) {
    deps.logger.warn({ err: error }, 'pruning silver failed; the next run tries again');
  }
}

function emptySummary(mode: SyncSummary['mode'], instance: string): SyncSummary {
  return {
    mode,
    instance,
    tracksUpserted: 0,
    tracksRemoved: 0,
    artistsRemoved: 0,
    edgesUpserted: 0,
    edgesRemoved: 0,
    batches: 0,
    notifications: 0,
    watermark: '',
    ms: 0,
  };
}
