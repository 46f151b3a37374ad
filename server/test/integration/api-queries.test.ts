import pino from 'pino';
import { readCypher } from '../../src/db/run-cypher';
import { runCommunityJob } from '../../src/sync';
import { neighbourhoodStatement } from '../../src/schema/graph/data';
import { connectTestDatabases, type TestDatabases } from '../support/databases';
import { seedApiGraph, startApi } from '../support/api-graph';

// Every read operation of the API against the real PostgreSQL + Neo4j, on a graph with hand-counted answers
// (test/support/api-graph.ts).
describe('GraphQL queries', () => {
  let db: TestDatabases;
  let api: Awaited<ReturnType<typeof startApi>>;
  let g: Awaited<ReturnType<typeof seedApiGraph>>;
  beforeAll(async () => {
    db = connectTestDatabases();
    g = await seedApiGraph(db);
    api = await startApi();
  });
  afterAll(async () => {
    await api.app.close();
    await db.close();
  });
  const name = (title: string) => title.replace(`${g.prefix} `, '');
  const edgeNames = (edges: { from: { title: string }; to: { title: string }; weight: number }[]) =>
    edges.map((e) => `${name(e.from.title)}>${name(e.to.title)}:${e.weight}`);
  const EDGES = 'edges { from { title } to { title } weight djs firstSeen lastSeen }';

  it('track: fields, credits and strongest transitions; unknown ids give null, malformed ids BAD_USER_INPUT', async () => {
    const { data } = await api.graphql(
      `query($id: ID!) { track(id: $id) { id title version artistCredit plays credits { role artist { name } }
        strongestOutgoing(first: 2) { to { title } weight } strongestIncoming { from { title } weight } } }`,
      { id: g.id('A') },
    );
    expect(data.track).toMatchObject({ id: g.id('A'), title: `${g.prefix} A`, version: null, plays: 6 });
    expect(data.track.strongestOutgoing.map((t: { to: { title: string }; weight: number }) => [name(t.to.title), t.weight])).toEqual([
      ['B', 3],
      ['D', 1],
    ]);
    expect(data.track.strongestIncoming.map((t: { from: { title: string } }) => name(t.from.title))).toEqual(['C']);
    expect((await api.graphql('{ track(id: "999999999") { id } }')).data.track).toBeNull();
    const bad = await api.graphql('{ track(id: "1 OR 1=1") { id } }');
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('never returns the invalid-artist track, by id, search, neighbourhood or recommendations', async () => {
    expect((await api.graphql(`{ track(id: "${g.id('U')}") { id } }`)).data.track).toBeNull();
    // Every track of this test's graph matches its prefix: the search finds the six valid ones and never U.
    const search = await api.graphql(`{ searchTracks(query: "${g.prefix}", first: 50) { edges { node { title artistCredit } } } }`);
    const found = search.data.searchTracks.edges.map((e: { node: { title: string; artistCredit: string } }) => e.node);
    expect(found.map((n: { title: string }) => name(n.title)).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(found.map((n: { artistCredit: string }) => n.artistCredit)).not.toContain('Unknown Artist');
    const hood = await api.graphql(`{ neighbourhood(trackId: "${g.id('E')}", depth: 3) { nodes { artistCredit } } }`);
    expect(hood.data.neighbourhood.nodes.map((n: { artistCredit: string }) => n.artistCredit)).not.toContain('Unknown Artist');
  });

  it('searchTracks: full-text with prefixes, cursor pagination, and harmless injection strings', async () => {
    const first = await api.graphql(
      `query($q: String!) { searchTracks(query: $q, first: 4) { edges { cursor node { title } } pageInfo { hasNextPage endCursor } } }`,
      { q: g.prefix },
    );
    expect(first.data.searchTracks.edges).toHaveLength(4);
    expect(first.data.searchTracks.pageInfo.hasNextPage).toBe(true);
    const rest = await api.graphql(
      `query($q: String!, $after: String) { searchTracks(query: $q, first: 10, after: $after) { edges { node { title } } pageInfo { hasNextPage } } }`,
      { q: g.prefix, after: first.data.searchTracks.pageInfo.endCursor },
    );
    const titles = [...first.data.searchTracks.edges, ...rest.data.searchTracks.edges].map((e: { node: { title: string } }) =>
      name(e.node.title),
    );
    expect(titles.sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    for (const q of [
      '") OR 1=1 --',
      '*:*',
      'title:x AND (',
      "'; DROP TABLE silver.tracks; --",
      'MATCH (n) DETACH DELETE n',
      '\\',
      'AND OR NOT',
    ]) {
      const result = await api.graphql('query($q: String!) { searchTracks(query: $q) { edges { node { id } } } }', { q });
      expect(result.errors === undefined || result.errors[0].extensions.code === 'BAD_USER_INPUT').toBe(true);
    }
    expect((await api.graphql(`{ track(id: "${g.id('A')}") { id } }`)).data.track.id).toBe(g.id('A'));
    const badCursor = await api.graphql('{ searchTracks(query: "x", after: "not-a-cursor") { edges { cursor } } }');
    expect(badCursor.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('neighbourhood: strongest first, by direction and depth, with truncation', async () => {
    const q = `query($id: ID!, $d: Int, $dir: Direction, $limit: Int) {
      neighbourhood(trackId: $id, depth: $d, direction: $dir, limit: $limit) { center { title } nodes { title } truncated ${EDGES} } }`;
    const out = (await api.graphql(q, { id: g.id('A'), dir: 'OUT' })).data.neighbourhood;
    expect(edgeNames(out.edges)).toEqual(['A>B:3', 'A>D:1']);
    expect(out.nodes.map((n: { title: string }) => name(n.title)).sort()).toEqual(['A', 'B', 'D']);
    expect(out.truncated).toBe(false);
    expect(out.edges[0]).toMatchObject({ djs: 3, firstSeen: '2020-01-01', lastSeen: '2022-01-01' });
    expect(edgeNames((await api.graphql(q, { id: g.id('A'), dir: 'IN' })).data.neighbourhood.edges)).toEqual(['C>A:1']);
    const two = (await api.graphql(q, { id: g.id('A'), d: 2 })).data.neighbourhood;
    expect(edgeNames(two.edges).sort()).toEqual(['A>B:3', 'A>D:1', 'B>C:1', 'B>D:2', 'C>A:1', 'D>E:1', 'D>F:1']);
    const cut = (await api.graphql(q, { id: g.id('A'), d: 2, limit: 3 })).data.neighbourhood;
    expect(edgeNames(cut.edges)).toEqual(['A>B:3', 'B>D:2', edgeNames(cut.edges)[2]]);
    expect(cut.truncated).toBe(true);
    expect((await api.graphql(q, { id: '999999999' })).data.neighbourhood).toBeNull();
  });

  it('the depth-1 statement answers exactly as the general one at depth 1 (edges, order, nodes, truncated)', async () => {
    const ids = [...Object.values(g.ids), 999_999_999];
    let compared = 0;
    for (const trackId of ids) {
      for (const direction of ['BOTH', 'OUT', 'IN']) {
        for (const [limit, minWeight] of [
          [50, 1],
          [2, 1],
          [1, 1],
          [50, 2],
          [1, 3],
        ]) {
          const args = { trackId, depth: 1, minWeight, limit, direction };
          const lean = await readCypher(db.neo4j, neighbourhoodStatement(1), args);
          expect(lean).toEqual(await readCypher(db.neo4j, 'api/neighbourhood', args));
          compared += 1;
        }
      }
    }
    expect(compared).toBe(ids.length * 15);
  });

  it('neighbourhood of a known track with no edge passing the filters is the centre alone, not null', async () => {
    const q = `query($id: ID!) { neighbourhood(trackId: $id, minWeight: 50) { center { title } nodes { title } edges { weight } truncated } }`;
    const { data } = await api.graphql(q, { id: g.id('F') });
    expect(data.neighbourhood).toEqual({
      center: { title: `${g.prefix} F` },
      nodes: [{ title: `${g.prefix} F` }],
      edges: [],
      truncated: false,
    });
  });

  it('refuses over-limit arguments and over-costly or over-deep queries with BAD_USER_INPUT', async () => {
    const over = await api.graphql(`{ neighbourhood(trackId: "${g.id('A')}", limit: 501) { truncated } }`);
    expect(over.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'limit' } });
    const deep = await api.graphql(`{ neighbourhood(trackId: "${g.id('A')}", depth: 4) { truncated } }`);
    expect(deep.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const costly = await api.graphql(
      `{ neighbourhood(trackId: "${g.id('A')}", depth: 3, limit: 500) { edges { setlists(first: 50) { edges { node { title } } } } } }`,
    );
    expect(costly.errors?.[0].message).toMatch(/query would cost \d+; at most 20000/);
    expect(costly.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    // One document, costed per variables (the plugin remembers costs by document and variables).
    const byVariables = `query($limit: Int) { neighbourhood(trackId: "${g.id('A')}", depth: 3, limit: $limit) {
      edges { setlists(first: 50) { totalCount } } } }`;
    for (const [limit, refused] of [
      [2, false],
      [500, true],
      [2, false],
      [500, true],
    ] as const) {
      const result = await api.graphql(byVariables, { limit });
      expect(result.errors?.[0]?.message?.startsWith('query would cost') ?? false).toBe(refused);
    }
    const nested = `{ track(id: "1") { ${'strongestOutgoing { to { '.repeat(7)} id ${'} } '.repeat(7)} } }`;
    const tooDeep = await api.graphql(nested);
    expect(tooDeep.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('transition: weight, DJs and the setlists behind it, newest first, paged', async () => {
    const q = `query($from: ID!, $to: ID!, $after: String) { transition(fromId: $from, toId: $to) { weight djs
      setlists(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title djs date source sourceUrl } } } } }`;
    const page1 = (await api.graphql(q, { from: g.id('A'), to: g.id('B') })).data.transition;
    expect(page1).toMatchObject({ weight: 3, djs: 3, setlists: { totalCount: 3, pageInfo: { hasNextPage: true } } });
    expect(page1.setlists.edges.map((e: { node: { date: string; djs: string[] } }) => [e.node.date, e.node.djs])).toEqual([
      ['2022-01-01', ['DJ Z']],
      ['2021-01-01', ['DJ Y']],
    ]);
    expect(page1.setlists.edges[0].node.sourceUrl).toBe(`${g.prefix}/s3`);
    const page2 = (await api.graphql(q, { from: g.id('A'), to: g.id('B'), after: page1.setlists.pageInfo.endCursor })).data.transition;
    expect(page2.setlists.edges.map((e: { node: { date: string } }) => e.node.date)).toEqual(['2020-01-01']);
    expect((await api.graphql(q, { from: g.id('B'), to: g.id('A') })).data.transition).toBeNull();
  });

  it('path: the most-travelled route, not the fewest hops', async () => {
    const { data } = await api.graphql(
      `query($a: ID!, $b: ID!) { path(fromId: $a, toId: $b) { hops cost tracks { title } transitions { weight } } }`,
      { a: g.id('A'), b: g.id('E') },
    );
    expect(data.path.tracks.map((t: { title: string }) => name(t.title))).toEqual(['A', 'B', 'D', 'E']);
    expect(data.path.hops).toBe(3);
    expect(data.path.cost).toBeCloseTo(1 / 3 + 1 / 2 + 1);
    const none = await api.graphql(`{ path(fromId: "${g.id('F')}", toId: "${g.id('A')}") { hops } }`);
    expect(none.data.path).toBeNull();
  });

  it('recommendations: co-occurring tracks scored by shared setlists over sqrt(plays), explained', async () => {
    const { data } = await api.graphql(`{ recommendations(trackId: "${g.id('A')}") { score sharedSetlists track { title } } }`);
    expect(
      data.recommendations.map((r: { track: { title: string }; sharedSetlists: number }) => [name(r.track.title), r.sharedSetlists]),
    ).toEqual([
      ['B', 3],
      ['D', 3],
      ['C', 2],
      ['E', 2],
      ['F', 1],
    ]);
    expect(data.recommendations[0].score).toBeCloseTo(3 / Math.sqrt(3));
  });

  it('topTransitions, artist, stats and the analytics answer', async () => {
    const top = await api.graphql('{ topTransitions(first: 3) { edges { node { weight } } pageInfo { hasNextPage } } }');
    const weights = top.data.topTransitions.edges.map((e: { node: { weight: number } }) => e.node.weight);
    expect(weights).toHaveLength(3);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const credits = await api.graphql(`{ track(id: "${g.id('A')}") { artistCredit credits { role artist { id name } } } }`);
    expect(credits.data.track.credits).toEqual([{ role: 'PRIMARY', artist: { id: g.artistId, name: `${g.prefix} Artist` } }]);
    const artist = await api.graphql(`{ artist(id: "${g.artistId}") { name tracks(first: 3) { title plays } } }`);
    expect(artist.data.artist.name).toBe(`${g.prefix} Artist`);
    // most played first: A (6 setlists), then B and D (3 each)
    expect(artist.data.artist.tracks.map((t: { title: string; plays: number }) => [name(t.title), t.plays])).toEqual([
      ['A', 6],
      [expect.stringMatching(/^[BD]$/), 3],
      [expect.stringMatching(/^[BD]$/), 3],
    ]);
    const stats = await api.graphql('{ stats { tracks transitions setlists } }');
    expect(stats.data.stats.tracks).toBeGreaterThanOrEqual(6);
    // communities are the sync's job (a read never writes): run it as the daemon would after this sync
    await runCommunityJob({ pg: db.pg, neo4j: db.neo4j, logger: pino({ level: 'silent' }) });
    const analytics = await api.graphql(
      '{ bridgeTracks(first: 5) { score track { id } } communities(minSize: 2) { size topTracks { id } } }',
    );
    expect(analytics.errors).toBeUndefined();
    expect(analytics.data.bridgeTracks.length).toBeGreaterThan(0);
    const sizes = analytics.data.communities.map((c: { size: number }) => c.size);
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.filter((size: number) => size < 2)).toEqual([]);
  });
});
