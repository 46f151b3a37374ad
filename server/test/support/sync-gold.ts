import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import { createLogger } from '../../src/logger';
import { checkGold, runSync, type SyncDeps, type SyncOptions, type SyncSummary } from '../../src/sync';
import type { TestDatabases } from './databases';

/** The sync's clients over the test databases, with a silent logger. */
export function syncDepsFor(db: TestDatabases): SyncDeps {
  return { pg: db.pg, neo4j: db.neo4j, logger: createLogger('silent') };
}

/** One sync run against the test databases. */
export function syncOnce(db: TestDatabases, options: SyncOptions = {}): Promise<SyncSummary> {
  return runSync(syncDepsFor(db), options);
}

/** The checker's verdict, as a value Jest prints usefully when it fails. */
export async function goldDifferences(db: TestDatabases): Promise<string[]> {
  const check = await checkGold(db);
  return check.differences.map((key) => `${key}: silver ${check.silver[key]} gold ${check.gold[key]}`);
}

const nameOf = (ids: Record<string, number>) => new Map(Object.entries(ids).map(([name, id]) => [id, name]));

/** Gold tracks among `ids`, by name, with their properties. */
export async function readGoldTracks(neo4j: Driver, ids: Record<string, number>) {
  const names = nameOf(ids);
  const { records } = await neo4j.executeQuery('MATCH (t:Track) WHERE t.id IN $ids RETURN t.id AS id, properties(t) AS props ORDER BY id', {
    ids: Object.values(ids),
  });
  return Object.fromEntries(records.map((r) => [names.get(r.get('id')), r.get('props') as Record<string, unknown>]));
}

/** Gold edges among `ids` as "A>B" -> { weight, djs, firstSeen, lastSeen }. */
export async function readGoldEdges(neo4j: Driver, ids: Record<string, number>) {
  const names = nameOf(ids);
  const { records } = await neo4j.executeQuery(
    `MATCH (a:Track)-[r:TRANSITION]->(b:Track) WHERE a.id IN $ids OR b.id IN $ids
     RETURN a.id AS from, b.id AS to, properties(r) AS props ORDER BY from, to`,
    { ids: Object.values(ids) },
  );
  return Object.fromEntries(
    records.map((r) => [`${names.get(r.get('from')) ?? r.get('from')}>${names.get(r.get('to')) ?? r.get('to')}`, r.get('props')]),
  );
}

/** Credits of the gold tracks among `ids` as "Artist name -role-> Track name". */
export async function readGoldCredits(neo4j: Driver, ids: Record<string, number>): Promise<string[]> {
  const names = nameOf(ids);
  const { records } = await neo4j.executeQuery(
    'MATCH (a:Artist)-[c:CREDITED]->(t:Track) WHERE t.id IN $ids RETURN a.name AS artist, c.role AS role, t.id AS track',
    { ids: Object.values(ids) },
  );
  return records.map((r) => `${r.get('artist')} -${r.get('role')}-> ${names.get(r.get('track'))}`).sort();
}

/** Whether gold has an artist with this id. */
export async function goldHasArtist(neo4j: Driver, id: number): Promise<boolean> {
  const { records } = await neo4j.executeQuery('MATCH (a:Artist {id: $id}) RETURN count(a) AS n', { id });
  return records[0]!.get('n') > 0;
}

/** Credits tracks in silver (artists by name, created when missing), in their own transaction as a fix-up would. */
export async function creditTracks(pg: Pool, prefix: string, credits: { trackId: number; artist: string; role?: string }[]) {
  const artistIds: Record<string, number> = {};
  for (const credit of credits) {
    const { rows } = await pg.query(
      `INSERT INTO silver.artists (name, name_key) VALUES ($1, $2)
       ON CONFLICT (name_key) DO UPDATE SET name = excluded.name RETURNING id`,
      [credit.artist, `${prefix}:artist:${credit.artist}`],
    );
    artistIds[credit.artist] = Number(rows[0].id);
    await pg.query('INSERT INTO silver.track_artists (track_id, artist_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      credit.trackId,
      artistIds[credit.artist],
      credit.role ?? 'primary',
    ]);
  }
  return artistIds;
}

/** The stored watermark of the gold sync. */
export async function readStoredWatermark(pg: Pool): Promise<string | null> {
  const { rows } = await pg.query("SELECT watermark_xid::text AS w FROM ops.sync_state WHERE name = 'gold'");
  return rows[0]?.w ?? null;
}
