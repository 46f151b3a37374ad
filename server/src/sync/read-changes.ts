// Reads silver for one sync run: one REPEATABLE READ snapshot, one server-side cursor at a time, pages of rows
// mapped to gold changes. Memory stays at a page plus a batch however large silver is.
import type { PoolClient } from 'pg';
import { sqlQuery } from '../db/statements';
import type { EdgeKey, GoldChange, GoldCredit } from './gold-changes';

/** A run's snapshot: its xmin is the watermark to store once Neo4j has committed everything. */
export interface Snapshot {
  xmin: string;
  /** the snapshot itself (pg_snapshot as text): the next run reads what it does not see */
  snapshot: string;
  /** gold will hold every silver change committed before this */
  takenAt: Date;
}

/** Opens the run's snapshot (one REPEATABLE READ transaction on `client`). */
export async function openSnapshot(client: PoolClient): Promise<Snapshot> {
  await client.query(sqlQuery('sync/begin-snapshot'));
  const { rows } = await client.query<{ xmin: string; snapshot: string; taken_at: Date }>(sqlQuery('sync/take-snapshot'));
  return { xmin: rows[0]!.xmin, snapshot: rows[0]!.snapshot, takenAt: rows[0]!.taken_at };
}

/** Ends the (read-only) snapshot transaction. A failed run instead drops its connection, which ends it too. */
export async function closeSnapshot(client: PoolClient): Promise<void> {
  await client.query(sqlQuery('sync/end-snapshot'));
}

/**
 * --full: every artist credited on a gold track, every gold track, their credits, every gold edge, in that order:
 * each kind is a phase whose batches can be written concurrently (see write-batches.ts).
 */
export async function* readAllOfGold(client: PoolClient): AsyncGenerator<GoldChange[]> {
  yield* readCursor(client, 'sync/declare-full-artists', [], toArtistChange);
  yield* readCursor(client, 'sync/declare-full-tracks', [], toTrackChange);
  yield* readCursor(client, 'sync/declare-full-credits', [], toCreditChange);
  yield* readCursor(client, 'sync/declare-full-transitions', [], toEdgeChange);
}

/**
 * Incremental: every silver row written by a transaction the previous run's `snapshot` (pg_snapshot as text) did
 * not see, deletions first so that a pair deleted and written again ends up written, then tracks before edges so
 * that an edge finds both ends.
 */
export async function* readChangesSince(client: PoolClient, snapshot: string): AsyncGenerator<GoldChange[]> {
  yield* readCursor(client, 'sync/declare-changed-deletions', [snapshot], toDeletionChange);
  yield* readCursor(client, 'sync/declare-changed-tracks', [snapshot], toTrackChange);
  yield* readCursor(client, 'sync/declare-changed-artists', [snapshot], toArtistChange);
  yield* readCursor(client, 'sync/declare-changed-transitions', [snapshot], toEdgeChange);
}

// Cursor pages are fetched FETCH_PAGE rows at a time (sql/queries/sync/fetch-rows.sql holds the same literal).
const FETCH_PAGE = 2000;

async function* readCursor(
  client: PoolClient,
  declare: string,
  params: unknown[],
  toChange: (row: Record<string, unknown>) => GoldChange,
): AsyncGenerator<GoldChange[]> {
  await client.query(sqlQuery(declare), params);
  for (;;) {
    const { rows } = await client.query(sqlQuery('sync/fetch-rows'));
    if (rows.length > 0) yield rows.map(toChange);
    if (rows.length < FETCH_PAGE) break;
  }
  // Only on the normal path: after an error the transaction is aborted, and its end closes the cursor anyway.
  await client.query(sqlQuery('sync/close-rows'));
}

// node-postgres returns bigint as a string; every id here is far below 2^53.
const id = (value: unknown): number => Number(value);

function toArtistChange(row: Record<string, unknown>): GoldChange {
  return { kind: 'artist', artist: { id: id(row.id), name: String(row.name) } };
}

function toTrackChange(row: Record<string, unknown>): GoldChange {
  if (!row.in_gold) return { kind: 'drop-track', id: id(row.id) };
  return {
    kind: 'track',
    track: {
      id: id(row.id),
      title: String(row.title),
      version: (row.version as string | null) ?? null,
      artistCredit: String(row.artist_credit),
      plays: Number(row.plays),
      credits: (row.credits as GoldCredit[] | null) ?? [],
    },
  };
}

function toCreditChange(row: Record<string, unknown>): GoldChange {
  return { kind: 'credit', credit: { trackId: id(row.track_id), artistId: id(row.artist_id), role: String(row.role) } };
}

function toEdgeChange(row: Record<string, unknown>): GoldChange {
  const key: EdgeKey = { from: id(row.from_track_id), to: id(row.to_track_id) };
  if (!row.in_gold) return { kind: 'drop-edge', key };
  return {
    kind: 'edge',
    edge: {
      ...key,
      weight: Number(row.weight),
      djs: Number(row.djs),
      firstSeen: (row.first_seen as string | null) ?? null,
      lastSeen: (row.last_seen as string | null) ?? null,
    },
  };
}

function toDeletionChange(row: Record<string, unknown>): GoldChange {
  switch (row.kind) {
    case 'track_deleted':
      return { kind: 'drop-track', id: id(row.id) };
    case 'artist_deleted':
      return { kind: 'drop-artist', id: id(row.id) };
    case 'transition_deleted':
      return { kind: 'drop-edge', key: { from: id(row.id), to: id(row.to_id) } };
    default:
      throw new Error(`unknown silver.sync_events kind ${String(row.kind)}: update read-changes.ts with the migration`);
  }
}
