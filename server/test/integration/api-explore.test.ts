import pino from 'pino';
import { runSync } from '../../src/sync';
import { connectTestDatabases, startApi } from '../support/api-graph';
import { uniquePrefix, type TestDatabases } from '../support/databases';
import { insertHandMadeSilver } from '../support/silver-fixtures';

// A small graph with hand-counted answers (as server/test/support/api-graph.ts, with DJs of their own):
//   s1 (Alpha, 2020-01-01): A B D        s4 (Alpha, 2022-06-01): A D F       s7 (Alpha, 2019-05-05): F
//   s2 (Beta,  2021-01-01): A B D E      s5 (Beta, no date):     A U E       (U: "Unknown Artist", never in gold)
//   s3 (Gamma, 2022-01-01): A B C        s6 (Gamma, no date):    C A
// gold: A->B 3 (3 DJs, 2020-01-01..2022-01-01), B->D 2, A->D 1 (2022-06-01), B->C 1, C->A 1 (undated), D->E 1, D->F 1
// plays: A 6, B 3, D 3, C 2, E 2, F 2.
describe('explore: top tracks, directed lists, DJs, date range and lenses', () => {
  let db: TestDatabases;
  let api: Awaited<ReturnType<typeof startApi>>;
  let ids: Record<string, number>;
  let dj: Record<'Alpha' | 'Beta' | 'Gamma', string>;
  let prefix: string;
  const id = (name: string) => String(ids[name]);

  beforeAll(async () => {
    db = connectTestDatabases();
    prefix = uniquePrefix();
    const names = { Alpha: `${prefix} Alpha`, Beta: `${prefix} Beta`, Gamma: `${prefix} Gamma` };
    ids = await insertHandMadeSilver(
      db.pg,
      prefix,
      { A: undefined, B: undefined, C: undefined, D: undefined, E: undefined, F: undefined, U: 'Unknown Artist' },
      [
        { url: 's1', djs: [names.Alpha], date: '2020-01-01', parts: [['A', 'B', 'D']] },
        { url: 's2', djs: [names.Beta], date: '2021-01-01', parts: [['A', 'B', 'D', 'E']] },
        { url: 's3', djs: [names.Gamma], date: '2022-01-01', parts: [['A', 'B', 'C']] },
        { url: 's4', djs: [names.Alpha], date: '2022-06-01', parts: [['A', 'D', 'F']] },
        { url: 's5', djs: [names.Beta], parts: [['A', 'U', 'E']] },
        { url: 's6', djs: [names.Gamma], parts: [['C', 'A']] },
        { url: 's7', djs: [names.Alpha], date: '2019-05-05', parts: [['F']] },
      ],
    );
    const { rows } = await db.pg.query<{ id: string; name: string }>('SELECT id, name FROM silver.artists WHERE name = ANY ($1)', [
      Object.values(names),
    ]);
    const byName = new Map(rows.map((r) => [r.name, r.id]));
    dj = { Alpha: byName.get(names.Alpha)!, Beta: byName.get(names.Beta)!, Gamma: byName.get(names.Gamma)! };
    await runSync({ pg: db.pg, neo4j: db.neo4j, logger: pino({ level: 'silent' }) }, { full: true });
    api = await startApi();
  });
  afterAll(async () => {
    await api.app.close();
    await db.close();
  });

  const name = (trackId: string) => Object.keys(ids).find((k) => String(ids[k]) === trackId);
  const TRANSITIONS = `query($id: ID!, $dir: Direction!, $order: TransitionOrder, $lens: LensInput, $first: Int, $after: String) {
    transitions(trackId: $id, direction: $dir, orderBy: $order, lens: $lens, first: $first, after: $after) {
      edges { cursor node { from { id } to { id } weight djs firstSeen lastSeen } } pageInfo { hasNextPage endCursor } } }`;
  async function transitions(variables: Record<string, unknown>) {
    const { data, errors } = await api.graphql(TRANSITIONS, variables);
    expect(errors).toBeUndefined();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = data.transitions.edges.map(({ node }: any) => ({
      pair: `${name(node.from.id)}>${name(node.to.id)}`,
      ...node,
      from: undefined,
      to: undefined,
    }));
    return { rows, pageInfo: data.transitions.pageInfo };
  }
  const strip = (rows: Record<string, unknown>[]) =>
    rows.map(({ pair, weight, djs, firstSeen, lastSeen }) => ({ pair, weight, djs, firstSeen, lastSeen }));

  it('lists what is played right after and right before a track, from gold, in each order', async () => {
    expect(strip((await transitions({ id: id('A'), dir: 'OUT' })).rows)).toEqual([
      { pair: 'A>B', weight: 3, djs: 3, firstSeen: '2020-01-01', lastSeen: '2022-01-01' },
      { pair: 'A>D', weight: 1, djs: 1, firstSeen: '2022-06-01', lastSeen: '2022-06-01' },
    ]);
    expect((await transitions({ id: id('A'), dir: 'OUT', order: 'LAST_SEEN' })).rows.map((r: { pair: string }) => r.pair)).toEqual([
      'A>D',
      'A>B',
    ]);
    expect((await transitions({ id: id('A'), dir: 'OUT', order: 'FIRST_SEEN' })).rows.map((r: { pair: string }) => r.pair)).toEqual([
      'A>B',
      'A>D',
    ]);
    expect((await transitions({ id: id('B'), dir: 'OUT', order: 'DJS' })).rows.map((r: { pair: string }) => r.pair)).toEqual([
      'B>D',
      'B>C',
    ]);
    expect(strip((await transitions({ id: id('A'), dir: 'IN' })).rows)).toEqual([
      { pair: 'C>A', weight: 1, djs: 1, firstSeen: null, lastSeen: null },
    ]);
    // an undated transition sorts last by date in both directions
    expect((await transitions({ id: id('D'), dir: 'IN', order: 'LAST_SEEN' })).rows.map((r: { pair: string }) => r.pair)).toEqual([
      'A>D',
      'B>D',
    ]);
  });

  it('pages a directed list with cursors', async () => {
    const first = await transitions({ id: id('D'), dir: 'OUT', first: 1 });
    expect(first.rows.map((r: { pair: string }) => r.pair)).toEqual(['D>E']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await transitions({ id: id('D'), dir: 'OUT', first: 1, after: first.pageInfo.endCursor });
    expect(second.rows.map((r: { pair: string }) => r.pair)).toEqual(['D>F']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('counts a directed list from the lens DJs’ setlists only', async () => {
    expect(strip((await transitions({ id: id('A'), dir: 'OUT', lens: { djIds: [dj.Alpha] } })).rows)).toEqual([
      { pair: 'A>B', weight: 1, djs: 1, firstSeen: '2020-01-01', lastSeen: '2020-01-01' },
      { pair: 'A>D', weight: 1, djs: 1, firstSeen: '2022-06-01', lastSeen: '2022-06-01' },
    ]);
    expect(strip((await transitions({ id: id('A'), dir: 'OUT', lens: { djIds: [dj.Alpha, dj.Beta] } })).rows)).toEqual([
      { pair: 'A>B', weight: 2, djs: 2, firstSeen: '2020-01-01', lastSeen: '2021-01-01' },
      { pair: 'A>D', weight: 1, djs: 1, firstSeen: '2022-06-01', lastSeen: '2022-06-01' },
    ]);
    expect((await transitions({ id: id('A'), dir: 'IN', lens: { djIds: [dj.Alpha] } })).rows).toEqual([]);
  });

  it('lists a transition’s setlists under the lens that counted it', async () => {
    const Q = `query($id: ID!, $lens: LensInput) { transitions(trackId: $id, direction: OUT, lens: $lens) {
      edges { node { to { id } weight setlists(first: 10) { totalCount edges { node { date djs } } } } } } }`;
    const setlistsOf = async (lens: Record<string, unknown> | null) => {
      const answer = await api.graphql(Q, { id: id('A'), lens });
      expect(answer.errors).toBeUndefined();
      const ab = answer.data.transitions.edges.find((e: { node: { to: { id: string } } }) => e.node.to.id === id('B'));
      expect(ab).toBeDefined();
      return ab.node;
    };
    const all = await setlistsOf(null);
    expect([all.weight, all.setlists.totalCount]).toEqual([3, 3]);
    const alpha = await setlistsOf({ djIds: [dj.Alpha] });
    expect([alpha.weight, alpha.setlists.totalCount]).toEqual([1, 1]);
    expect(alpha.setlists.edges.map((e: { node: { date: string } }) => e.node.date)).toEqual(['2020-01-01']);
    const era = await setlistsOf({ from: '2021-01-01', to: '2022-12-31' });
    expect([era.weight, era.setlists.totalCount]).toEqual([2, 2]);
    expect(era.setlists.edges.map((e: { node: { date: string } }) => e.node.date)).toEqual(['2022-01-01', '2021-01-01']);
  });

  it('counts a directed list from the lens dates only (undated setlists left out)', async () => {
    const lens = { from: '2021-01-01', to: '2022-03-01' };
    expect(strip((await transitions({ id: id('B'), dir: 'OUT', lens })).rows)).toEqual([
      { pair: 'B>C', weight: 1, djs: 1, firstSeen: '2022-01-01', lastSeen: '2022-01-01' },
      { pair: 'B>D', weight: 1, djs: 1, firstSeen: '2021-01-01', lastSeen: '2021-01-01' },
    ]);
    expect(strip((await transitions({ id: id('A'), dir: 'OUT', lens })).rows)).toEqual([
      { pair: 'A>B', weight: 2, djs: 2, firstSeen: '2021-01-01', lastSeen: '2022-01-01' },
    ]);
    expect((await transitions({ id: id('A'), dir: 'IN', lens: { from: '2000-01-01' } })).rows).toEqual([]);
  });

  const TOP = `query($lens: LensInput, $first: Int, $after: String) { topTracks(lens: $lens, first: $first, after: $after) {
    edges { score node { id plays } } pageInfo { hasNextPage endCursor } } }`;

  it('ranks top tracks under a lens by DJ and by dates', async () => {
    const byDj = await api.graphql(TOP, { lens: { djIds: [dj.Alpha] } });
    expect(byDj.errors).toBeUndefined();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(byDj.data.topTracks.edges.map((e: any) => [name(e.node.id), e.node.plays, e.score])).toEqual([
      ['A', 2, 2],
      ['D', 2, 2],
      ['F', 2, 2],
      ['B', 1, 1],
    ]);
    // a date lens counts every DJ's setlists; with the three DJs of this test the answer can be counted by hand
    const dates = { djIds: [dj.Alpha, dj.Beta, dj.Gamma], from: '2021-01-01', to: '2022-03-01' };
    const byDates = await api.graphql(TOP, { lens: dates, first: 3 });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(byDates.data.topTracks.edges.map((e: any) => [name(e.node.id), e.node.plays])).toEqual([
      ['A', 2],
      ['B', 2],
      ['C', 1],
    ]);
    expect(byDates.data.topTracks.pageInfo.hasNextPage).toBe(true);
    const next = await api.graphql(TOP, { lens: dates, first: 3, after: byDates.data.topTracks.pageInfo.endCursor });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(next.data.topTracks.edges.map((e: any) => [name(e.node.id), e.node.plays])).toEqual([
      ['D', 1],
      ['E', 1],
    ]);
    expect(next.data.topTracks.pageInfo.hasNextPage).toBe(false);
  });

  it('ranks top tracks of the whole graph from gold, most played first, a page at a time', async () => {
    // gold holds other tests' tracks too: the answer is checked against gold read directly, page by page
    const direct = await db.neo4j.executeQuery(
      'MATCH (t:Track) WHERE t.plays >= 1 RETURN t.id AS id, t.plays AS plays ORDER BY t.plays DESC, t.id LIMIT 40',
    );
    const expected = direct.records.map((r) => ({ id: String(r.get('id')), plays: Number(r.get('plays')) }));
    expect(expected.length).toBeGreaterThan(0);
    const first = await api.graphql(TOP, { first: 20 });
    expect(first.errors).toBeUndefined();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const page1 = first.data.topTracks.edges.map((e: any) => e.node);
    expect(page1).toEqual(expected.slice(0, 20));
    for (let i = 1; i < page1.length; i++) expect(page1[i - 1].plays).toBeGreaterThanOrEqual(page1[i].plays);
    expect(page1[0].plays).toBeGreaterThanOrEqual(6); // A is played in 6 performances
    const second = await api.graphql(TOP, { first: 20, after: first.data.topTracks.pageInfo.endCursor });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(second.data.topTracks.edges.map((e: any) => e.node)).toEqual(expected.slice(20, 40));
  });

  it('lists DJs by setlists with a prefix query, and the date range', async () => {
    const DJS = `query($q: String, $first: Int, $after: String) { djs(query: $q, first: $first, after: $after) {
      edges { node { id name setlists firstDate lastDate } } pageInfo { hasNextPage endCursor } } }`;
    const all = await api.graphql(DJS, { q: prefix.toUpperCase() });
    expect(all.errors).toBeUndefined();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(all.data.djs.edges.map((e: any) => e.node)).toEqual([
      { id: dj.Alpha, name: `${prefix} Alpha`, setlists: 3, firstDate: '2019-05-05', lastDate: '2022-06-01' },
      { id: dj.Beta, name: `${prefix} Beta`, setlists: 2, firstDate: '2021-01-01', lastDate: '2021-01-01' },
      { id: dj.Gamma, name: `${prefix} Gamma`, setlists: 2, firstDate: '2022-01-01', lastDate: '2022-01-01' },
    ]);
    const paged = await api.graphql(DJS, { q: prefix, first: 2 });
    expect(paged.data.djs.pageInfo.hasNextPage).toBe(true);
    const rest = await api.graphql(DJS, { q: prefix, first: 2, after: paged.data.djs.pageInfo.endCursor });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(rest.data.djs.edges.map((e: any) => e.node.name)).toEqual([`${prefix} Gamma`]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect((await api.graphql(DJS, { q: `${prefix} ga` })).data.djs.edges.map((e: any) => e.node.name)).toEqual([`${prefix} Gamma`]);
    // LIKE's wildcards are letters here
    expect((await api.graphql(DJS, { q: `${prefix}%` })).data.djs.edges).toEqual([]);
    // by id, whatever their rank among every DJ of the graph (a shared link's lens names its DJs by id)
    const byIds = await api.graphql('query($ids: [ID!]) { djs(ids: $ids, first: 50) { edges { node { id name } } } }', {
      ids: [dj.Gamma, dj.Alpha],
    });
    expect(byIds.data.djs.edges.map((e: any) => e.node)).toEqual([
      { id: dj.Alpha, name: `${prefix} Alpha` },
      { id: dj.Gamma, name: `${prefix} Gamma` },
    ]);
    const badIds = await api.graphql('{ djs(ids: ["1 OR 1=1"]) { edges { node { id } } } }');
    expect(badIds.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const range = await api.graphql('{ dateRange { from to } }');
    expect(range.errors).toBeUndefined();
    const { rows } = await db.pg.query('SELECT min(date)::text AS "from", max(date)::text AS "to" FROM silver.setlists');
    expect(range.data.dateRange).toEqual(rows[0]);
    expect(range.data.dateRange.from <= '2019-05-05').toBe(true);
    expect(range.data.dateRange.to >= '2022-06-01').toBe(true);
  });

  it('answers a neighbourhood, a transition and a path under a lens', async () => {
    const NB = `query($id: ID!, $lens: LensInput, $depth: Int, $limit: Int, $dir: Direction) {
      neighbourhood(trackId: $id, lens: $lens, depth: $depth, limit: $limit, direction: $dir) {
        center { id } nodes { id } edges { from { id } to { id } weight djs } truncated } }`;
    const lens = { djIds: [dj.Alpha] };
    const one = await api.graphql(NB, { id: id('A'), lens });
    expect(one.errors).toBeUndefined();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const pairs = (n: any) => n.edges.map((e: any) => `${name(e.from.id)}>${name(e.to.id)}:${e.weight}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const nodes = (n: any) => n.nodes.map((t: any) => name(t.id)).sort();
    expect(pairs(one.data.neighbourhood)).toEqual(['A>B:1', 'A>D:1']);
    expect(nodes(one.data.neighbourhood)).toEqual(['A', 'B', 'D']);
    expect(one.data.neighbourhood.truncated).toBe(false);
    const two = await api.graphql(NB, { id: id('A'), lens, depth: 2, dir: 'OUT' });
    expect(pairs(two.data.neighbourhood)).toEqual(['A>B:1', 'A>D:1', 'B>D:1', 'D>F:1']);
    expect(nodes(two.data.neighbourhood)).toEqual(['A', 'B', 'D', 'F']);
    const cut = await api.graphql(NB, { id: id('A'), lens, depth: 2, dir: 'OUT', limit: 2 });
    expect(pairs(cut.data.neighbourhood)).toEqual(['A>B:1', 'A>D:1']);
    expect(cut.data.neighbourhood.truncated).toBe(true);
    const byDates = await api.graphql(NB, { id: id('A'), lens: { from: '2021-01-01', to: '2022-03-01' } });
    expect(pairs(byDates.data.neighbourhood)).toEqual(['A>B:2']);

    const T = `query($a: ID!, $b: ID!, $lens: LensInput) { transition(fromId: $a, toId: $b, lens: $lens) { weight djs firstSeen lastSeen } }`;
    expect((await api.graphql(T, { a: id('A'), b: id('B'), lens: { djIds: [dj.Beta] } })).data.transition).toEqual({
      weight: 1,
      djs: 1,
      firstSeen: '2021-01-01',
      lastSeen: '2021-01-01',
    });
    expect((await api.graphql(T, { a: id('A'), b: id('D'), lens: { djIds: [dj.Beta] } })).data.transition).toBeNull();

    const P = `query($a: ID!, $b: ID!, $lens: LensInput) { path(fromId: $a, toId: $b, lens: $lens) { tracks { id } hops cost } }`;
    // gold: A>B (3) > D (2) > F (1) costs 1/3 + 1/2 + 1 < A>D>F's 2; Alpha's setlists count each once: A>D>F wins
    const gold = await api.graphql(P, { a: id('A'), b: id('F') });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(gold.data.path.tracks.map((t: any) => name(t.id))).toEqual(['A', 'B', 'D', 'F']);
    const alpha = await api.graphql(P, { a: id('A'), b: id('F'), lens });
    expect(alpha.errors).toBeUndefined();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(alpha.data.path).toEqual({ tracks: [{ id: id('A') }, { id: id('D') }, { id: id('F') }], hops: 2, cost: 2 });
    expect((await api.graphql(P, { a: id('A'), b: id('F'), lens: { from: '2021-01-01', to: '2022-03-01' } })).data.path).toBeNull();
  });

  it('refuses a bad lens or direction with BAD_USER_INPUT', async () => {
    for (const [variables, message] of [
      [{ id: id('A'), dir: 'OUT', lens: { from: '2021-13-01' } }, /lens.from must be a calendar date/],
      [{ id: id('A'), dir: 'OUT', lens: { from: '2022-01-01', to: '2021-01-01' } }, /is after lens.to/],
      [{ id: id('A'), dir: 'OUT', lens: { djIds: ['x1'] } }, /lens.djIds must be/],
      [{ id: id('A'), dir: 'BOTH' }, /direction must be IN/],
      [{ id: id('A'), dir: 'OUT', first: 101 }, /first must be a whole number from 1 to 100/],
    ] as const) {
      const { errors } = await api.graphql(TRANSITIONS, variables);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message).toMatch(message);
    }
  });
});
