import type { Pool, QueryResultRow } from 'pg';
import { translateDatabaseError } from '../errors';
import { sqlQuery } from './statements';

/** Runs sql/queries/<name>.sql with positional parameters; statements time out by the pool's statement_timeout. */
export async function runSql<T extends QueryResultRow = QueryResultRow>(pg: Pool, name: string, params: unknown[] = []): Promise<T[]> {
  try {
    return (await pg.query<T>(sqlQuery(name), params)).rows;
  } catch (error) {
    return translateDatabaseError(error, `query ${name}`);
  }
}
