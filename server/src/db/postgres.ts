import { Pool, types } from 'pg';
import type { Logger } from '../logger';

// DATE columns stay 'YYYY-MM-DD' strings: turning them into Dates at local midnight shifts days across time zones.
types.setTypeParser(types.builtins.DATE, (value) => value);

/** Options for the PostgreSQL pool. */
export interface PostgresOptions {
  connectionString: string;
  /** @default 10 */
  max?: number;
  /** abort any statement running longer than this (server side) @default 10000 */
  statementTimeoutMs?: number;
  /** @default 'songnodes-server' */
  applicationName?: string;
  /** where a connection lost while idle is reported @default not reported */
  logger?: Logger;
}

/** Client-side margin over the statement timeout: a server that stopped answering altogether is given up on too. */
const SILENT_SERVER_MARGIN_MS = 2_000;

/**
 * A pool whose statements time out, on the server (`statement_timeout`: the query was too big) and on the client
 * (`query_timeout`: the server went silent), so no API call waits on PostgreSQL forever.
 *
 * An idle pooled connection that PostgreSQL drops (a restart, `pg_terminate_backend`, a failover) makes the pool emit
 * 'error'; with no listener Node ends the process on it. The pool has already dropped that connection and the next
 * query opens a new one, so the listener only reports it.
 */
export function createPostgresPool(options: PostgresOptions): Pool {
  const statementTimeout = options.statementTimeoutMs ?? 10_000;
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + SILENT_SERVER_MARGIN_MS,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    application_name: options.applicationName ?? 'songnodes-server',
  });
  pool.on('error', (error) => {
    options.logger?.warn(
      { err: error.message, code: (error as { code?: string }).code },
      'PostgreSQL dropped an idle pooled connection; the next query reconnects',
    );
  });
  return pool;
}
