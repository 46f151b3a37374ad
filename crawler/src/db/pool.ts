import { Pool, type PoolClient } from 'pg';

/** The crawler's PostgreSQL pool. */
export function createPool(connectionString: string): Pool {
  return new Pool({ connectionString, max: 6, application_name: 'songnodes-crawler', connectionTimeoutMillis: 10_000 });
}

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
