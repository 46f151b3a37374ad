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
    const plays = await db.pg.query('SELECT title, plays FROM silver.tracks WHERE id = ANY($1) ORDER BY title', [Object.values(ids)]);
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
      {
        url: 'parts',
        djs: ['DJ X'],
        parts: [
          ['D', 'E', 'E'],
          ['F', 'D'],
        ],
      },
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
    const graphTracks = await db.pg.query('SELECT id FROM silver.graph_tracks WHERE id = ANY($1)', [Object.values(ids)]);
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

    const two = await db.pg.query('SELECT id FROM silver.setlists WHERE source_url = $1', [`${prefix}/two`]);
    const occurrencesOf = async (setlistId: unknown) =>
      Number((await db.pg.query('SELECT count(*) AS n FROM silver.transition_occurrences WHERE setlist_id = $1', [setlistId])).rows[0].n);
    expect(await occurrencesOf(two.rows[0].id)).toBe(1);
    await db.pg.query('DELETE FROM silver.setlists WHERE source_url = $1', [`${prefix}/two`]);
    // The derivation removes a deleted setlist's occurrences (the derived table has no foreign key to do it: 0017).
    expect(await occurrencesOf(two.rows[0].id)).toBe(0);
    const after = await readTransitions(db.pg, ids);
    expect(after['A>B']).toEqual({ weight: 0, djs: 0, occurrences: 0 });
    expect(Object.keys(await readTransitions(db.pg, ids, 'silver.graph_transitions'))).toEqual(['B>A', 'C>B']);
  });
});

/** A hand-made setlist whose rows may be layered: "+B" is track B played over the row before it. */
async function insertLayered(pg: TestDatabases['pg'], prefix: string, ids: Record<string, number>, parts: (string | null)[][]) {
  const { rows } = await pg.query(
    `INSERT INTO silver.setlists (source, source_url, title, content_sha256) VALUES ('mixesdb', $1, $1, 'hand-made') RETURNING id`,
    [`${prefix}/layered-${uniquePrefix()}`],
  );
  const setlistId = Number(rows[0].id);
  const cells = parts.flatMap((part, partIndex) =>
    part.map((cell, i) => ({
      part_index: partIndex,
      position: i + 1,
      track_id: cell === null ? null : ids[cell.replace(/^\+/, '')],
      layered: cell?.startsWith('+') ?? false,
    })),
  );
  await pg.query(
    `INSERT INTO silver.setlist_tracks (setlist_id, part_index, position, track_id, layered)
     SELECT $1, r.part_index, r.position, r.track_id, r.layered
     FROM jsonb_to_recordset($2::jsonb) AS r(part_index int, position int, track_id bigint, layered boolean)`,
    [setlistId, JSON.stringify(cells)],
  );
  return setlistId;
}

// README "Data rules", layered rows: a layered row shares the slot of the row it is played over; transitions go from
// every identified track of one slot to every identified track of the next, never within a slot.
describe('silver transitions across layered rows', () => {
  let db: TestDatabases;
  beforeAll(() => {
    db = connectTestDatabases();
  });
  afterAll(() => db.close());
  const tracks = { A: undefined, B: undefined, C: undefined, D: undefined };
  const positive = async (ids: Record<string, number>) =>
    Object.fromEntries(Object.entries(await readTransitions(db.pg, ids)).filter(([, t]) => t.weight > 0));

  it.each([
    ['A, B layered over A, C: A->C and B->C, no A->B', [['A', '+B', 'C']], { 'A>C': 1, 'B>C': 1 }],
    ['an unidentified row with an identified layered row keeps the chain going', [['A', null, '+B', 'C']], { 'A>B': 1, 'B>C': 1 }],
    ['a layered first row starts the first slot', [['+B', 'C', 'D']], { 'B>C': 1, 'C>D': 1 }],
    ['a slot with no identified track breaks the chain', [['A', '+B', null, 'C']], {}],
    ['slot i leads into every row of slot i+1', [['A', 'B', '+C', 'D']], { 'A>B': 1, 'A>C': 1, 'B>D': 1, 'C>D': 1 }],
    [
      'parts stay apart, and a part may start layered',
      [
        ['A', '+B'],
        ['+C', 'D'],
      ],
      { 'C>D': 1 },
    ],
  ])('%s', async (_name, parts, expected) => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, tracks, []);
    await insertLayered(db.pg, prefix, ids, parts);
    const found = await positive(ids);
    expect(Object.fromEntries(Object.entries(found).map(([pair, t]) => [pair, t.occurrences]))).toEqual(expected);
  });

  it('follows a row becoming layered, and back: the pair it no longer supports falls to 0', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, tracks, []);
    const setlistId = await insertLayered(db.pg, prefix, ids, [['A', 'B', 'C']]);
    const layer = (layered: boolean) =>
      db.pg.query('UPDATE silver.setlist_tracks SET layered = $2 WHERE setlist_id = $1 AND position = 2', [setlistId, layered]);
    await layer(true);
    expect(await readTransitions(db.pg, ids)).toEqual({
      'A>B': { weight: 0, djs: 0, occurrences: 0 },
      'A>C': { weight: 1, djs: 0, occurrences: 1 },
      'B>C': { weight: 1, djs: 0, occurrences: 1 },
    });
    await layer(false);
    expect(Object.keys(await positive(ids))).toEqual(['A>B', 'B>C']);
  });
});

// docs/identity.md: weights, DJ counts and plays count performances. Rows of a real set: Ben Klock b2b Marcel
// Dettmann at 909 Festival, 2024-06-02 (crawler/src/sources/mixesdb/fixtures/Ben_Klock_tracklists.csv, rows 1-6).
describe('silver counts performances, not setlists', () => {
  let db: TestDatabases;
  beforeAll(() => {
    db = connectTestDatabases();
  });
  afterAll(() => db.close());
  const SET = ['Get Yours', 'Clima', 'Come Closer', 'Satellite', 'Snake Shifter', 'Solidify'];
  const tracks = Object.fromEntries(SET.map((title) => [title, undefined]));
  const counts = async (ids: Record<string, number>, pair = 'Get Yours>Clima') => {
    const { rows } = await db.pg.query(
      'SELECT weight, setlists, djs FROM silver.transitions WHERE from_track_id = $1 AND to_track_id = $2',
      pair.split('>').map((name) => ids[name]),
    );
    const plays = await db.pg.query('SELECT plays FROM silver.tracks WHERE id = $1', [ids['Get Yours']]);
    return { ...rows[0], plays: plays.rows[0].plays };
  };
  const setlistOf = async (prefix: string, url: string) =>
    Number((await db.pg.query('SELECT id FROM silver.setlists WHERE source_url = $1', [`${prefix}/${url}`])).rows[0].id);

  it('counts one set credited "A b2b B" on one page and "A & B" on another once, with its two DJs', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, tracks, [
      { url: 'mixesdb', djs: ['Ben Klock', 'Marcel Dettmann'], date: '2024-06-02', parts: [SET] },
      { url: 'other', djs: ['Ben Klock & Marcel Dettmann'], date: '2024-06-02', parts: [SET] },
    ]);
    expect(await counts(ids)).toEqual({ weight: 1, setlists: 2, djs: 2, plays: 1 });
  });

  it('splits and joins performances as setlists are corrected, moved and deleted, recounting exactly', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, tracks, [
      { url: 'one', djs: ['Ben Klock'], date: '2024-06-02', parts: [SET] },
      { url: 'two', djs: ['Marcel Dettmann'], date: '2024-06-02', parts: [SET] },
    ]);
    const two = await setlistOf(prefix, 'two');
    // no DJ in common, the whole sequence in common: one performance, two DJ names
    expect(await counts(ids)).toEqual({ weight: 1, setlists: 2, djs: 2, plays: 1 });
    await db.pg.query("UPDATE silver.setlists SET date = '2024-06-03' WHERE id = $1", [two]);
    expect(await counts(ids)).toEqual({ weight: 2, setlists: 2, djs: 2, plays: 2 });
    await db.pg.query("UPDATE silver.setlists SET date = '2024-06-02' WHERE id = $1", [two]);
    expect(await counts(ids)).toEqual({ weight: 1, setlists: 2, djs: 2, plays: 1 });

    // corrected to the set played backwards: another performance, and a pair only it has
    await replaceSetlistRows(db.pg, two, ids, [[...SET].reverse()]);
    expect(await counts(ids)).toEqual({ weight: 1, setlists: 1, djs: 1, plays: 2 });
    expect(await counts(ids, 'Clima>Get Yours')).toEqual({ weight: 1, setlists: 1, djs: 1, plays: 2 });

    await db.pg.query('DELETE FROM silver.setlists WHERE source_url = $1', [`${prefix}/one`]);
    expect(await counts(ids)).toEqual({ weight: 0, setlists: 0, djs: 0, plays: 1 });
  });

  it('joins two halves through the full set, and splits them again when the full set goes', async () => {
    const prefix = uniquePrefix();
    const ids = await insertHandMadeSilver(db.pg, prefix, tracks, [
      { url: 'part-1', djs: ['Ben Klock'], date: '2024-06-02', parts: [SET.slice(0, 3)] },
      { url: 'part-2', djs: ['Ben Klock'], date: '2024-06-02', parts: [SET.slice(3)] },
      { url: 'full', djs: ['Ben Klock', 'Marcel Dettmann'], date: '2024-06-02', parts: [SET] },
    ]);
    const performances = async () =>
      (await db.pg.query('SELECT count(DISTINCT performance_id)::int AS n FROM silver.setlists WHERE source_url LIKE $1', [`${prefix}/%`]))
        .rows[0].n;
    expect(await performances()).toBe(1);
    expect(await counts(ids, 'Come Closer>Satellite')).toMatchObject({ weight: 1, setlists: 1 });
    await db.pg.query('DELETE FROM silver.setlists WHERE source_url = $1', [`${prefix}/full`]);
    expect(await performances()).toBe(2);
    expect(await counts(ids)).toEqual({ weight: 1, setlists: 1, djs: 1, plays: 1 });
    expect(await counts(ids, 'Come Closer>Satellite')).toMatchObject({ weight: 0, setlists: 0 });
  });
});
