import type { Pool, PoolClient } from 'pg';
import type { SourceName } from '../sources/source-names';
import { crawlerSql } from './statements';

/** A target track search as the crawler works on it. */
export interface TargetSearch {
  id: number;
  artist: string;
  title: string;
  source: SourceName;
  attempts: number;
}

export interface TargetRow extends TargetSearch {
  status: string;
  last_searched_at: Date | null;
  next_search_after: Date;
  results_found: number;
  setlists_found: number;
  last_error: string | null;
}

/** Adds a target for each source; returns the sources it was new for (an existing target is left alone). */
export async function addTarget(pool: Pool, artist: string, title: string, sources: SourceName[]): Promise<SourceName[]> {
  const { rows } = await pool.query(crawlerSql('targets-add'), [artist, title, sources]);
  return rows.map((r) => r.source as SourceName);
}

export async function listTargets(pool: Pool): Promise<TargetRow[]> {
  const { rows } = await pool.query(crawlerSql('targets-list'));
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Due targets per source (next_search_after passed), for the worker's queue-depth gauge. */
export async function countDueTargets(pool: Pool): Promise<Partial<Record<SourceName, number>>> {
  const { rows } = await pool.query(crawlerSql('targets-due-count'));
  return Object.fromEntries(rows.map((r) => [r.source, Number(r.due)]));
}

/** A claimed target: its row stays locked until `finish` or `release`. */
export interface ClaimedTarget {
  target: TargetSearch;
  finish(result: TargetResult): Promise<void>;
  /** gives the claim up without recording anything (the run is stopping) */
  release(): Promise<void>;
}

export interface TargetResult {
  status: 'done' | 'failed' | 'blocked' | 'skipped';
  resultsFound: number;
  setlistsFound: number;
  error: string | null;
  /** seconds until the target is due again */
  dueInSeconds: number;
}

/**
 * Claims the next due target of `sources` with FOR UPDATE SKIP LOCKED, holding the lock in an open transaction
 * on a dedicated connection (see targets-claim.sql). `force` ignores next_search_after; `exclude` keeps a run from
 * claiming the same target twice.
 */
export async function claimTarget(
  pool: Pool,
  sources: SourceName[],
  options: { force: boolean; exclude: number[] },
): Promise<ClaimedTarget | null> {
  const client = await pool.connect();
  // The connection idles inside its transaction while the target is crawled; if PostgreSQL drops it then, the
  // error must not go unhandled (it would end the process). The lock is gone with it; finish() will say so.
  const onLost = (error: Error) => lost.push(error);
  const lost: Error[] = [];
  client.on('error', onLost);
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(crawlerSql('targets-claim'), [sources, options.force, options.exclude]);
    if (rows.length === 0) {
      await client.query('ROLLBACK');
      client.off('error', onLost);
      client.release();
      return null;
    }
    const row = rows[0];
    const target: TargetSearch = { id: Number(row.id), artist: row.artist, title: row.title, source: row.source, attempts: row.attempts };
    return {
      target,
      finish: (result) => endClaim(client, 'COMMIT', target.id, result, lost).finally(() => client.off('error', onLost)),
      release: () => endClaim(client, 'ROLLBACK', target.id, null, lost).finally(() => client.off('error', onLost)),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.off('error', onLost);
    client.release(lost.length > 0 ? lost[0] : undefined);
    throw error;
  }
}

async function endClaim(client: PoolClient, how: 'COMMIT' | 'ROLLBACK', id: number, result: TargetResult | null, lost: Error[]) {
  let failure: Error | undefined = lost[0];
  try {
    if (failure) throw failure;
    if (result) {
      await client.query(crawlerSql('targets-finish'), [
        id,
        result.status,
        result.resultsFound,
        result.setlistsFound,
        result.error,
        result.dueInSeconds,
      ]);
    }
    await client.query(how);
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection that failed is destroyed rather than returned to the pool.
    client.release(failure);
  }
}
