import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { insertHandMadeSilver, readTransitions, replaceSetlistRows } from '../support/silver-fixtures';

// The transition rule (ARCHITECTURE §2) as the database derives it from hand-made silver setlists.
describe('silver transitions derived from setlist rows', () => {
  let db: TestDatabases;
  beforeAll(() => {
    db = connectTestDatabases();
  });
  afterAll(() => db.close());

  it('counts distinct setlists and DJs, breaks the chain at unidentified rows, repeats count once per setlist', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, { A: undefined, B: undefined, C: undefined }, [
      // A -> B twice in one setlist (weight counts it once), ID between B and C: no B -> C
      { url: 'one', djs: ['DJ X'], date: '2020-01-01', parts: [['A', 'B', null, 'C', 'A', 'B']] },
      { url: 'two', djs: ['DJ Y'], date: '2021-06-30', parts: [['A', 'B']] },
    ]);
    expect(await readTransitions(db.pg, ids)).toEqual({
      'A>B': { weight: 2, djs: 2, occurrences: 3 },
      'C>A': { weight: 1, djs: 1, occurrences: 1 },
    });
    const { rows } = await db.pg.query(
      'SELECT first_seen::text, last_seen::text FROM silver.transitions WHERE from_track_id = $1 AND to_track_id = $2',
      [ids.A, ids.B],
    );
    expect(rows[0]).toEqual({ first_seen: '2020-01-01', last_seen: '2021-06-30' });
    const plays = await db.pg.query('SELECT title, plays FROM silver.tracks WHERE id = ANY($1) ORDER BY title', [
      Object.values(ids),
    ]);
    expect(plays.rows.map((r) => r.plays)).toEqual([2, 2, 1]);
  });

  it('counts a DJ once when the same DJ plays the pair in two setlists', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, { A: undefined, B: undefined }, [
      { url: 'one', djs: ['DJ X'], parts: [['A', 'B']] },
      { url: 'two', djs: ['DJ X', 'DJ Z'], parts: [['A', 'B']] },
      { url: 'three', djs: ['DJ X'], parts: [['A', 'B']] },
    ]);
    expect(await readTransitions(db.pg, ids)).toEqual({ 'A>B': { weight: 3, djs: 2, occurrences: 3 } });
  });

  it('never links the last row of one part to the first row of the next, nor a track to itself', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, { D: undefined, E: undefined, F: undefined }, [
      { url: 'parts', djs: ['DJ X'], parts: [['D', 'E', 'E'], ['F', 'D']] },
    ]);
    expect(await readTransitions(db.pg, ids)).toEqual({
      'D>E': { weight: 1, djs: 1, occurrences: 1 },
      'F>D': { weight: 1, djs: 1, occurrences: 1 },
    });
  });

  it('keeps edges touching an invalid-artist track out of the graph view, and they break the chain', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, { A: undefined, U: 'Unknown Artist', B: undefined }, [
      { url: 'one', djs: ['DJ X'], parts: [['A', 'U', 'B']] },
    ]);
    expect(Object.keys(await readTransitions(db.pg, ids))).toEqual(['A>U', 'U>B']);
    expect(await readTransitions(db.pg, ids, 'silver.graph_transitions')).toEqual({});
    const graphTracks = await db.pg.query('SELECT id FROM silver.graph_tracks WHERE id = ANY($1)', [
      Object.values(ids),
    ]);
    expect(graphTracks.rows.map((r) => Number(r.id)).sort()).toEqual([ids.A, ids.B].sort());
  });

  it('follows a corrected setlist: removed pairs fall to weight 0, new pairs appear, deletion lowers weights', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, { A: undefined, B: undefined, C: undefined }, [
      { url: 'one', djs: ['DJ X'], parts: [['A', 'B', 'C']] },
      { url: 'two', djs: ['DJ Y'], parts: [['A', 'B']] },
    ]);
    const { rows } = await db.pg.query('SELECT id FROM silver.setlists WHERE source_url = $1', [`${prefix}/one`]);
    await replaceSetlistRows(db.pg, Number(rows[0].id), ids, [['C', 'B', 'A']]);
    expect(await readTransitions(db.pg, ids)).toEqual({
      'A>B': { weight: 1, djs: 1, occurrences: 1 },
      'B>A': { weight: 1, djs: 1, occurrences: 1 },
      'B>C': { weight: 0, djs: 0, occurrences: 0 },
      'C>B': { weight: 1, djs: 1, occurrences: 1 },
    });

    await db.pg.query('DELETE FROM silver.setlists WHERE source_url = $1', [`${prefix}/two`]);
    const after = await readTransitions(db.pg, ids);
    expect(after['A>B']).toEqual({ weight: 0, djs: 0, occurrences: 0 });
    expect(Object.keys(await readTransitions(db.pg, ids, 'silver.graph_transitions'))).toEqual(['B>A', 'C>B']);
  });
});
