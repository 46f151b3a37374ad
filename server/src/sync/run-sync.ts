// One sync run, silver -> gold (ARCHITECTURE §4): read what changed since the watermark in one snapshot, write it
// to Neo4j in batches (NOTIFY graph_changed after each commit), and only then move the watermark. Killed at any
// point, the next run re-reads from the old watermark and SETs the same values again: gold converges to silver.
import type { Driver } from 'neo4j-driver';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../logger';
import { clearGold } from './clear-gold';
import { notifyGraphChanged } from './notify';
import { closeSnapshot, openSnapshot, readAllOfGold, readChangesSince } from './read-changes';
import { acquireSyncLock, readWatermark, releaseSyncLock, resetWatermark, storeWatermark } from './watermark';
import { writeBatches, type WriteTotals } from './write-batches';

/** The clients a run uses; `pg` needs two connections (the snapshot, and NOTIFY). */
export interface SyncDeps {
  pg: Pool;
  neo4j: Driver;
  logger: Logger;
}

export interface SyncOptions {
  /** clear gold and reproject all of silver; also what happens when no watermark is stored @default false */
  full?: boolean;
  /** silver rows per Neo4j transaction and per NOTIFY graph_changed @default 5000 */
  batchSize?: number;
  /** concurrent Neo4j transactions within each phase of a --full rebuild (nodes, then relationships) @default 2 */
  writers?: number;
  /** the ops.sync_state row, and the name of the lock @default 'gold' */
  name?: string;
}

/** What a run did; stored as ops.sync_state.last_result and logged. */
export interface SyncSummary extends WriteTotals {
  mode: 'full' | 'incremental';
  /** the watermark stored at the end: silver rows with changed_xid below it are in gold */
  watermark: string;
  ms: number;
}

/**
 * One run. Incremental from the stored watermark, or a full rebuild (`full`, or no watermark yet). Rejects on any
 * failure, leaving gold with the batches committed so far and the watermark where it was: run again to finish.
 */
export async function runSync(deps: SyncDeps, options: SyncOptions = {}): Promise<SyncSummary> {
  const name = options.name ?? 'gold';
  const batchSize = options.batchSize ?? 5000;
  const started = performance.now();
  const client = await deps.pg.connect();
  let failed = false;
  try {
    await acquireSyncLock(client, name, deps.logger);
    const watermark = await readWatermark(client, name);
    const full = options.full === true || watermark === null;
    const summary = emptySummary(full ? 'full' : 'incremental');
    if (full) await clearForRebuild(deps, client, name, batchSize, summary);
    const xmin = await openSnapshot(client);
    const pages = full || watermark === null ? readAllOfGold(client) : readChangesSince(client, watermark);
    const writers = full ? (options.writers ?? 2) : 1;
    await writeBatches(deps, pages, { batchSize, mode: full ? 'create' : 'merge', writers }, summary);
    await closeSnapshot(client);
    summary.watermark = xmin;
    summary.ms = Math.round(performance.now() - started);
    await storeWatermark(client, name, xmin, summary);
    await releaseSyncLock(client, name);
    return summary;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A failed run drops its connection: that ends its snapshot transaction and frees the advisory lock.
    client.release(failed);
  }
}

async function clearForRebuild(deps: SyncDeps, client: PoolClient, name: string, batchSize: number, summary: SyncSummary) {
  await resetWatermark(client, name);
  const session = deps.neo4j.session();
  try {
    let batch = 0;
    const cleared = await clearGold(session, batchSize, async (ids) => {
      summary.notifications += await notifyGraphChanged(deps.pg, ids);
      deps.logger.info({ batch: ++batch, tracksRemoved: ids.length }, 'gold clear batch committed');
    });
    deps.logger.info({ sync: name, ...cleared }, 'gold cleared for a full rebuild');
  } finally {
    await session.close();
  }
}

function emptySummary(mode: SyncSummary['mode']): SyncSummary {
  return {
    mode,
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
