import { Pool, types } from 'pg';

// DATE columns stay 'YYYY-MM-DD' strings: turning them into Dates at local midnight shifts days across time zones.
types.setTypeParser(types.builtins.DATE, (value) => value);

/** Options for the PostgreSQL pool. */
export interface PostgresOptions {
  connectionString: string;
  /** @default 10 */
  max?: number;
  /** abort any statement running longer than this @default 10000 */
  statementTimeoutMs?: number;
  /** @default 'songnodes-server' */
  applicationName?: string;
}

/** A pool whose statements time out: no API call waits on PostgreSQL forever. */
export function createPostgresPool(options: PostgresOptions): Pool {
  return new Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    connectionTimeoutMillis: 5_000,
    application_name: options.applicationName ?? 'songnodes-server',
  });
}
