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
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(crawlerSql('targets-claim'), [sources, options.force, options.exclude]);
    if (rows.length === 0) {
      await client.query('ROLLBACK');
      client.release();
      return null;
    }
    const row = rows[0];
    const target: TargetSearch = { id: Number(row.id), artist: row.artist, title: row.title, source: row.source, attempts: row.attempts };
    return {
      target,
      finish: (result) => endClaim(client, 'COMMIT', target.id, result),
      release: () => endClaim(client, 'ROLLBACK', target.id, null),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    throw error;
  }
}

async function endClaim(client: PoolClient, how: 'COMMIT' | 'ROLLBACK', id: number, result: TargetResult | null) {
  try {
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
  } finally {
    client.release();
  }
}
