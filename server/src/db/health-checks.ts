import neo4j, { type Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import { classifyDatabaseError, DatabaseDeadlineError } from '../errors';
import { withDeadline } from './deadline';

/** A health check answers within this, whatever the database does: `/readyz` must say "not ready" within 2 s. */
export const HEALTH_CHECK_TIMEOUT_MS = 1_500;

/** One database's state: reachable, or why not (`down`: refused or dropped; `hung`: no answer in time). */
export type DatabaseHealth = { ok: true } | { ok: false; state: 'down' | 'hung'; message: string };

function failed(error: unknown): DatabaseHealth {
  const hung = error instanceof DatabaseDeadlineError || classifyDatabaseError(error) === 'not-answering';
  return { ok: false, state: hung ? 'hung' : 'down', message: String((error as Error)?.message ?? error).slice(0, 200) };
}

/** PostgreSQL answers a trivial query within the health-check timeout (one try: no retry, no waiting in a queue). */
export async function checkPostgres(pg: Pool, timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Promise<DatabaseHealth> {
  try {
    await withDeadline(pg.query('SELECT 1'), timeoutMs, 'PostgreSQL health check');
    return { ok: true };
  } catch (error) {
    return failed(error);
  }
}

/**
 * Neo4j answers a trivial query within the health-check timeout. An auto-commit `session.run`, not `executeQuery`:
 * the managed transaction retries for up to 30 s, which made a Neo4j that was down take 31-58 s to report.
 */
export async function checkNeo4j(driver: Driver, timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Promise<DatabaseHealth> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    await withDeadline(session.run('RETURN 1', {}, { timeout: timeoutMs }), timeoutMs, 'Neo4j health check');
    return { ok: true };
  } catch (error) {
    return failed(error);
  } finally {
    // Not awaited: closing waits for the pending call, which a hung server never answers.
    session.close().catch(() => undefined);
  }
}

/** True when PostgreSQL answers a trivial query in time. */
export async function isPostgresReachable(pg: Pool): Promise<boolean> {
  return (await checkPostgres(pg)).ok;
}

/** True when Neo4j answers a trivial query in time. */
export async function isNeo4jReachable(driver: Driver): Promise<boolean> {
  return (await checkNeo4j(driver)).ok;
}
