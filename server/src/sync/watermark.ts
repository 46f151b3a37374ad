// A sync instance's place in silver (its ops.sync_state row), the lock that keeps two syncs of one instance from
// writing its gold at once, and the pruning of what every instance has passed (README "Read scale-out").
import type { Pool, PoolClient } from 'pg';
import { sqlQuery } from '../db/statements';
import type { Logger } from '../logger';
import type { Snapshot } from './read-changes';

const LOCK_POLL_MS = 500;

/** Thrown when a run or a wait is abandoned because its AbortSignal fired (SIGTERM): nothing half-done is stored. */
export class SyncAbortedError extends Error {
  constructor(what: string) {
    super(`${what} abandoned: the process is stopping`);
    this.name = 'SyncAbortedError';
  }
}

/**
 * Takes the session-level advisory lock of sync instance `name`, waiting while another sync of the same instance
 * (a --watch daemon, a manual run) holds it. Polls rather than blocks, so the pool's statement timeout never cuts
 * the wait short and `signal` can end it.
 */
export async function acquireSyncLock(client: PoolClient, name: string, logger: Logger, signal?: AbortSignal): Promise<void> {
  let warned = false;
  for (;;) {
    if (signal?.aborted) throw new SyncAbortedError('waiting for the sync lock');
    if (await tryLock(client, name)) return;
    if (!warned) logger.info('another sync of this instance is running; waiting for it to finish');
    warned = true;
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

/** One attempt at the lock; true when taken. */
export async function tryLock(client: PoolClient, name: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(sqlQuery('sync/try-lock'), [name]);
  return rows[0]?.locked === true;
}

export async function releaseSyncLock(client: PoolClient, name: string): Promise<void> {
  await client.query(sqlQuery('sync/unlock'), [name]);
}

/**
 * Registers instance `name` (its first run) or marks it seen, and returns the snapshot its watermark stands for
 * (pg_snapshot as text), or null: nothing synced yet, or a --full rebuild never finished.
 */
export async function beginRun(client: PoolClient, name: string): Promise<string | null> {
  const { rows } = await client.query<{ watermark: string | null; snapshot: string | null }>(sqlQuery('sync/begin-run'), [name]);
  const { watermark = null, snapshot = null } = rows[0] ?? {};
  if (watermark === null) return null;
  // A watermark stored without its snapshot (by hand) means what it always meant: every xid below it is seen.
  return snapshot ?? `${watermark}:${watermark}:`;
}

/** Forgets the watermark before gold is cleared, so a rebuild killed half-way is redone by the next run. */
export async function resetWatermark(client: PoolClient, name: string): Promise<void> {
  await client.query(sqlQuery('sync/reset-watermark'), [name]);
}

/** Stores the new watermark (the run's snapshot) once Neo4j has committed every batch, with the run's summary. */
export async function storeWatermark(client: PoolClient, name: string, snapshot: Snapshot, summary: object): Promise<void> {
  await client.query(sqlQuery('sync/store-watermark'), [name, snapshot.xmin, JSON.stringify(summary), snapshot.takenAt, snapshot.snapshot]);
}

/** What one prune removed. */
export interface PruneResult {
  /** instances forgotten because their sync had not run for the TTL */
  expired: string[];
  /** the smallest xmax of the instances' snapshots: nothing from it on was pruned (null: no instance constrains) */
  horizon: string | null;
  events: number;
  /** weight-0 rows; 0 as well when a refine held the recompute lock (they go next time) */
  transitions: number;
}

/**
 * Prunes change events and weight-0 transitions every registered instance has passed (sql/queries/sync/
 * prune-silver.sql), in one transaction that holds silver.recompute_setlists' lock if it is free.
 */
export async function pruneSilver(pg: Pool, ttlSeconds: number): Promise<PruneResult> {
  const client = await pg.connect();
  let failed = false;
  try {
    await client.query('BEGIN');
    const { rows: lock } = await client.query<{ locked: boolean }>(sqlQuery('sync/lock-recompute'));
    const { rows } = await client.query(sqlQuery('sync/prune-silver'), [ttlSeconds, lock[0]?.locked === true]);
    await client.query('COMMIT');
    const row = rows[0] as { expired: string[]; horizon: string | null; events: number; transitions: number };
    return { expired: row.expired, horizon: row.horizon, events: row.events, transitions: row.transitions };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A failed prune drops its connection, which rolls its transaction back.
    client.release(failed);
  }
}

/** Deletes instance `name`'s row; true when there was one. */
export async function forgetInstance(pg: Pool, name: string): Promise<boolean> {
  const { rowCount } = await pg.query(sqlQuery('sync/forget-instance'), [name]);
  return (rowCount ?? 0) > 0;
}
