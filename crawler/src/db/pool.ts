import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';

/**
 * The crawler's PostgreSQL pool. An idle connection that PostgreSQL drops (a restart, pg_terminate_backend, a
 * failover) is reported and replaced on next use; without an 'error' listener it would end the process (issue 11).
 */
export function createPool(connectionString: string, logger?: Logger): Pool {
  const pool = new Pool({ connectionString, max: 6, application_name: 'songnodes-crawler', connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) =>
    logger?.warn({ err: error.message }, 'PostgreSQL dropped an idle connection; a new one is opened on next use'),
  );
  return pool;
}

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that cannot even roll back is broken: destroyed instead of going back to the pool.
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
