// The sync's place in silver (ops.sync_state) and the lock that keeps two syncs from writing gold at once.
import type { PoolClient } from 'pg';
import { sqlQuery } from '../db/statements';
import type { Logger } from '../logger';

const LOCK_POLL_MS = 500;

/**
 * Takes the session-level advisory lock of sync `name`, waiting while another sync (a --watch daemon, another
 * replica) holds it. Polls rather than blocks, so the pool's statement timeout never cuts the wait short.
 */
export async function acquireSyncLock(client: PoolClient, name: string, logger: Logger): Promise<void> {
  let warned = false;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>(sqlQuery('sync/try-lock'), [name]);
    if (rows[0]?.locked) return;
    if (!warned) logger.info({ sync: name }, 'another sync of this name is running; waiting for it to finish');
    warned = true;
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

export async function releaseSyncLock(client: PoolClient, name: string): Promise<void> {
  await client.query(sqlQuery('sync/unlock'), [name]);
}

/** The stored watermark (xid8 as text), or null: nothing synced yet, or a --full rebuild never finished. */
export async function readWatermark(client: PoolClient, name: string): Promise<string | null> {
  const { rows } = await client.query<{ watermark: string | null }>(sqlQuery('sync/read-watermark'), [name]);
  return rows[0]?.watermark ?? null;
}

/** Forgets the watermark before gold is cleared, so a rebuild killed half-way is redone by the next run. */
export async function resetWatermark(client: PoolClient, name: string): Promise<void> {
  await client.query(sqlQuery('sync/reset-watermark'), [name]);
}

/**
 * Stores the new watermark once Neo4j has committed every batch, with the run's summary, and prunes the change
 * events it has passed (one statement: the events go only if the watermark moved).
 */
export async function storeWatermark(client: PoolClient, name: string, xmin: string, summary: object): Promise<void> {
  await client.query(sqlQuery('sync/store-watermark'), [name, xmin, JSON.stringify(summary)]);
}
