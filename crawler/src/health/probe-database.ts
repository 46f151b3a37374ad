import { Client } from 'pg';
import { describeError } from '../errors';

export type ProbeResult = { ok: true } | { ok: false; error: string };

/**
 * Is PostgreSQL answering? One fresh connection and `SELECT 1`, given up after `timeoutMs` with no retry: a
 * readiness probe must say "no" within its own short time, never wait in the crawl's pool queue or behind a
 * managed retry (issue 11: the API's /readyz took 31-58 s to notice a database was gone). The message tells a
 * database that refuses connections from one that does not answer at all.
 */
export async function probeDatabase(connectionString: string, timeoutMs: number): Promise<ProbeResult> {
  const client = new Client({
    connectionString,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: 'songnodes-crawler-probe',
  });
  client.on('error', () => undefined); // the answer is the probe's result; a late socket error has nobody to tell
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`PostgreSQL did not answer within ${timeoutMs} ms (hung or unreachable)`)), timeoutMs);
  });
  try {
    await Promise.race([client.connect().then(() => client.query('SELECT 1')), deadline]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  } finally {
    clearTimeout(timer);
    // (a connection that never completed is destroyed by pg itself once connectionTimeoutMillis passes)
    void client.end().catch(() => undefined);
  }
}
