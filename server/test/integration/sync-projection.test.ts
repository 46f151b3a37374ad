import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { insertHandMadeSilver } from '../support/silver-fixtures';
import {
  creditTracks,
  goldDifferences,
  readGoldCredits,
  readGoldEdges,
  readGoldTracks,
  readStoredWatermark,
  syncOnce,
} from '../support/sync-gold';
import { checkGold } from '../../src/sync';

// Silver -> gold against the real PostgreSQL and Neo4j. These tests rebuild gold (it holds nothing else's data).
describe('sync: projecting silver into gold', () => {
  let db: TestDatabases;
  let prefix: string;
  let ids: Record<string, number>;
  beforeAll(async () => {
    db = connectTestDatabases();
    prefix = uniquePrefix();
    ids = await insertHandMadeSilver(
      db.pg,
      prefix,
      { A: undefined, B: undefined, C: undefined, D: undefined, U: 'Unknown Artist', V: 'VA - Summer Hits' },
      [
        { url: 'one', djs: ['DJ X'], date: '2019-03-01', parts: [['A', 'B', 'C', 'U', 'D']] },
        { url: 'two', djs: ['DJ Y'], date: '2021-07-15', parts: [['A', 'B', null, 'C', 'D']] },
        { url: 'three', djs: ['DJ X'], parts: [['V', 'A', 'B']] },
      ],
    );
    await creditTracks(db.pg, prefix, [
      { trackId: ids.A!, artist: `${prefix} Kalora` },
      { trackId: ids.B!, artist: `${prefix} Kalora` },
      { trackId: ids.B!, artist: `${prefix} Venn`, role: 'remixer' },
      { trackId: ids.C!, artist: `${prefix} Venn` },
      { trackId: ids.D!, artist: `${prefix} Stomar` },
      { trackId: ids.U!, artist: `${prefix} Nobody` },
    ]);
  });
  afterAll(() => db.close());

  it('makes gold equal to silver: counts and checksums of tracks, artists, credits and weighted edges', async () => {
    const summary = await syncOnce(db, { full: true, batchSize: 500 });
    expect(summary.mode).toBe('full');
    expect(await goldDifferences(db)).toEqual([]);
    expect(await readStoredWatermark(db.pg)).toBe(summary.watermark);
  });

  it('projects artist-valid tracks with silver values, and sets edge weight, djs, firstSeen, lastSeen', async () => {
    const tracks = await readGoldTracks(db.neo4j, ids);
    expect(Object.keys(tracks).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(tracks.A).toEqual({ id: ids.A, title: `${prefix} A`, artistCredit: `${prefix} Artist`, plays: 3 });
    expect(await readGoldEdges(db.neo4j, ids)).toEqual({
      'A>B': { weight: 3, djs: 2, firstSeen: '2019-03-01', lastSeen: '2021-07-15' },
      'B>C': { weight: 1, djs: 1, firstSeen: '2019-03-01', lastSeen: '2019-03-01' },
      'C>D': { weight: 1, djs: 1, firstSeen: '2021-07-15', lastSeen: '2021-07-15' },
    });
    expect(await readGoldCredits(db.neo4j, ids)).toEqual([
      `${prefix} Kalora -primary-> A`,
      `${prefix} Kalora -primary-> B`,
      `${prefix} Stomar -primary-> D`,
      `${prefix} Venn -primary-> C`,
      `${prefix} Venn -remixer-> B`,
    ]);
  });

  it('stores ids, weights and plays as Neo4j integers, not floats', async () => {
    // Found by title: a lookup by id would hand back the (float) parameter instead of the stored value.
    const { records } = await db.neo4j.executeQuery(
      `MATCH (a:Track {title: $title})-[r:TRANSITION]->(:Track)
       RETURN valueType(a.id) AS id, valueType(a.plays) AS plays, valueType(r.weight) AS weight, valueType(r.djs) AS djs`,
      { title: `${prefix} A` },
    );
    expect(records[0]!.toObject()).toEqual({
      id: 'INTEGER NOT NULL',
      plays: 'INTEGER NOT NULL',
      weight: 'INTEGER NOT NULL',
      djs: 'INTEGER NOT NULL',
    });
  });

  it('keeps invalid-artist tracks, the edges touching them and their only artists out of gold', async () => {
    const { records } = await db.neo4j.executeQuery(
      `OPTIONAL MATCH (t:Track) WHERE t.id IN $invalid
       OPTIONAL MATCH (a:Artist {name: $nobody})
       RETURN count(t) AS tracks, count(a) AS artists`,
      { invalid: [ids.U, ids.V], nobody: `${prefix} Nobody` },
    );
    expect(records[0]!.toObject()).toEqual({ tracks: 0, artists: 0 });
    const edges = Object.keys(await readGoldEdges(db.neo4j, ids));
    expect(edges.filter((edge) => /[UV]/.test(edge))).toEqual([]);
  });

  it('changes nothing when run again: the same graph, property for property', async () => {
    const before = { check: await checkGold(db), tracks: await readGoldTracks(db.neo4j, ids), edges: await readGoldEdges(db.neo4j, ids) };
    const again = await syncOnce(db);
    expect(again.mode).toBe('incremental');
    expect({ tracksRemoved: again.tracksRemoved, edgesRemoved: again.edgesRemoved, artistsRemoved: again.artistsRemoved }).toEqual({
      tracksRemoved: 0,
      edgesRemoved: 0,
      artistsRemoved: 0,
    });
    const after = { check: await checkGold(db), tracks: await readGoldTracks(db.neo4j, ids), edges: await readGoldEdges(db.neo4j, ids) };
    expect(after).toEqual(before);
  });
});
