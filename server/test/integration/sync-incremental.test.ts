import type { Pool } from 'pg';
import neo4j from 'neo4j-driver';
import { createLogger } from '../../src/logger';
import { runSync } from '../../src/sync';
import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { insertHandMadeSilver, readTransitions, replaceSetlistRows } from '../support/silver-fixtures';
import {
  creditTracks,
  goldDifferences,
  goldHasArtist,
  readGoldCredits,
  readGoldEdges,
  readGoldTracks,
  readStoredWatermark,
  syncOnce,
} from '../support/sync-gold';

const setlistId = async (pg: Pool, prefix: string, url: string) =>
  Number((await pg.query('SELECT id FROM silver.setlists WHERE source_url = $1', [`${prefix}/${url}`])).rows[0].id);

// Incremental runs after corrections in silver: gold follows, edges and tracks silver no longer supports go.
describe('sync: incremental runs follow silver', () => {
  let db: TestDatabases;
  beforeAll(async () => {
    db = connectTestDatabases();
    await syncOnce(db, { full: true });
  });
  afterAll(() => db.close());

  it('follows a setlist re-crawled with a changed order: new edges appear, removed ones go, weights are set', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, { A: undefined, B: undefined, C: undefined, D: undefined }, [
      { url: 'one', djs: ['DJ X'], parts: [['A', 'B', 'C', 'D']] },
      { url: 'two', djs: ['DJ Y'], parts: [['A', 'B']] },
    ]);
    expect((await syncOnce(db)).mode).toBe('incremental');
    expect(Object.keys(await readGoldEdges(db.neo4j, ids))).toEqual(['A>B', 'B>C', 'C>D']);

    await replaceSetlistRows(db.pg, await setlistId(db.pg, prefix, 'one'), ids, [['D', 'C', 'B', 'A']]);
    await syncOnce(db, { batchSize: 2 });
    const weights = (edges: Record<string, { weight: number }>) =>
      Object.fromEntries(Object.entries(edges).map(([pair, edge]) => [pair, edge.weight]));
    expect(weights(await readGoldEdges(db.neo4j, ids))).toEqual({ 'A>B': 1, 'B>A': 1, 'C>B': 1, 'D>C': 1 });

    // The same content crawled again: weights stay, never doubled.
    await replaceSetlistRows(db.pg, await setlistId(db.pg, prefix, 'one'), ids, [['D', 'C', 'B', 'A']]);
    await syncOnce(db);
    expect(weights(await readGoldEdges(db.neo4j, ids))).toEqual({ 'A>B': 1, 'B>A': 1, 'C>B': 1, 'D>C': 1 });
    expect(await goldDifferences(db)).toEqual([]);
  });

  it('adds a track with its edges when its artist credit becomes valid, and removes both when it turns invalid', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, { A: undefined, U: 'Unknown Artist', B: undefined }, [
      { url: 'one', djs: ['DJ X'], parts: [['A', 'U', 'B']] },
    ]);
    await syncOnce(db);
    expect(Object.keys(await readGoldTracks(db.neo4j, ids)).sort()).toEqual(['A', 'B']);

    await db.pg.query('UPDATE silver.tracks SET artist_credit = $1 WHERE id = $2', [`${prefix} Real Name`, ids.U]);
    await syncOnce(db);
    expect(Object.keys(await readGoldTracks(db.neo4j, ids)).sort()).toEqual(['A', 'B', 'U']);
    expect(Object.keys(await readGoldEdges(db.neo4j, ids))).toEqual(['A>U', 'U>B']);

    await db.pg.query("UPDATE silver.tracks SET artist_credit = 'ID' WHERE id = $1", [ids.U]);
    await syncOnce(db);
    expect(Object.keys(await readGoldTracks(db.neo4j, ids)).sort()).toEqual(['A', 'B']);
    expect(await readGoldEdges(db.neo4j, ids)).toEqual({});
    expect(await goldDifferences(db)).toEqual([]);
  });

  it('replaces credits changed on their own, drops an artist no gold track credits, renames artists in place', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, { A: undefined, B: undefined }, [
      { url: 'one', djs: ['DJ X'], parts: [['A', 'B']] },
    ]);
    const first = await creditTracks(db.pg, prefix, [{ trackId: ids.A!, artist: 'Pella' }]);
    await syncOnce(db);
    expect(await readGoldCredits(db.neo4j, ids)).toEqual(['Pella -primary-> A']);

    await db.pg.query('DELETE FROM silver.track_artists WHERE track_id = $1', [ids.A]);
    const second = await creditTracks(db.pg, prefix, [
      { trackId: ids.A!, artist: 'Quorn' },
      { trackId: ids.B!, artist: 'Quorn', role: 'featured' },
    ]);
    await syncOnce(db);
    expect(await readGoldCredits(db.neo4j, ids)).toEqual(['Quorn -featured-> B', 'Quorn -primary-> A']);
    expect(await goldHasArtist(db.neo4j, first.Pella!)).toBe(false);

    await db.pg.query('UPDATE silver.artists SET name = $1 WHERE id = $2', ['Quorn & Friends', second.Quorn]);
    await syncOnce(db);
    expect(await readGoldCredits(db.neo4j, ids)).toEqual(['Quorn & Friends -featured-> B', 'Quorn & Friends -primary-> A']);
    expect(await goldDifferences(db)).toEqual([]);
  });

  it('removes the edges and tracks of a deleted setlist, and a track deleted from silver altogether', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, { A: undefined, B: undefined, C: undefined, D: undefined }, [
      { url: 'one', djs: ['DJ X'], parts: [['A', 'B', 'C']] },
      { url: 'two', djs: ['DJ Y'], parts: [['C', 'D']] },
    ]);
    await syncOnce(db);
    expect(Object.keys(await readGoldEdges(db.neo4j, ids))).toEqual(['A>B', 'B>C', 'C>D']);

    await db.pg.query('DELETE FROM silver.setlists WHERE id = $1', [await setlistId(db.pg, prefix, 'one')]);
    await syncOnce(db);
    expect(Object.keys(await readGoldTracks(db.neo4j, ids)).sort()).toEqual(['C', 'D']);
    expect(Object.keys(await readGoldEdges(db.neo4j, ids))).toEqual(['C>D']);

    // Gone in one transaction: no silver row of D is left to read, only its deletion event (0006).
    const client = await db.pg.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM silver.setlists WHERE id = $1', [await setlistId(db.pg, prefix, 'two')]);
      await client.query('DELETE FROM silver.transitions WHERE from_track_id = $1 OR to_track_id = $1', [ids.D]);
      await client.query('DELETE FROM silver.tracks WHERE id = $1', [ids.D]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await syncOnce(db);
    expect(await readGoldTracks(db.neo4j, ids)).toEqual({});
    expect(await goldDifferences(db)).toEqual([]);
  });

  it('picks up a setlist written by a transaction that was still open while the previous run read silver', async () => {
    const prefix = uniquePrefix();
    const client = await db.pg.connect();
    let ids: Record<string, number>;
    try {
      await client.query('BEGIN');
      ids = await insertHandMadeSilver(client as unknown as Pool, prefix, { A: undefined, B: undefined }, [
        { url: 'late', djs: ['DJ X'], parts: [['A', 'B']] },
      ]);
      await syncOnce(db);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await readGoldEdges(db.neo4j, ids)).toEqual({});
    await syncOnce(db);
    expect(Object.keys(await readGoldEdges(db.neo4j, ids))).toEqual(['A>B']);
    expect(await goldDifferences(db)).toEqual([]);
  });

  it('reads each change once and prunes weight-0 rows while a long transaction holds xmin back (regression: every run re-read everything since it began)', async () => {
    // Any transaction of the cluster, in any database, holds the snapshots' xmin (the watermark) back while it runs.
    const long = await db.pg.connect();
    try {
      await long.query('BEGIN');
      await long.query('SELECT pg_current_xact_id()');
      const prefix = uniquePrefix();
      const ids = await insertHandMadeSilver(db.pg, prefix, { A: undefined, B: undefined, C: undefined }, [
        { url: 'one', djs: ['DJ X'], parts: [['A', 'B', 'C']] },
      ]);
      expect((await syncOnce(db)).edgesUpserted).toBe(2);
      expect(await syncOnce(db)).toMatchObject({ mode: 'incremental', batches: 0 });

      await replaceSetlistRows(db.pg, await setlistId(db.pg, prefix, 'one'), ids, [['B', 'A', 'C']]);
      await syncOnce(db);
      expect(Object.keys(await readGoldEdges(db.neo4j, ids))).toEqual(['A>C', 'B>A']);
      // Weight 0 and seen by the only instance: gone from silver, though xmin has not moved.
      expect(Object.keys(await readTransitions(db.pg, ids))).toEqual(['A>C', 'B>A']);
      expect(await goldDifferences(db)).toEqual([]);
    } finally {
      await long.query('ROLLBACK');
      long.release();
    }
  });

  it('keeps the watermark where it was when Neo4j fails, and the next run catches up', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, { A: undefined, B: undefined }, [
      { url: 'one', djs: ['DJ X'], parts: [['A', 'B']] },
    ]);
    const before = await readStoredWatermark(db.pg);
    // No retries: the driver would otherwise retry the write for 30 s before giving up.
    const unreachable = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'x'), { maxTransactionRetryTime: 0 });
    try {
      await expect(runSync({ pg: db.pg, neo4j: unreachable, logger: createLogger('silent') })).rejects.toThrow();
    } finally {
      await unreachable.close();
    }
    expect(await readStoredWatermark(db.pg)).toBe(before);
    await syncOnce(db);
    expect(Object.keys(await readGoldEdges(db.neo4j, ids))).toEqual(['A>B']);
    expect(await goldDifferences(db)).toEqual([]);
  });
});
