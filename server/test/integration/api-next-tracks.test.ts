import { connectTestDatabases, type TestDatabases } from '../support/databases';
import { seedApiGraph, startApi } from '../support/api-graph';

// nextTracks on the hand-counted graph of test/support/api-graph.ts:
//   A->B 3 (DJs X,Y,Z), A->D 1, B->D 2, B->C 1, C->A 1, D->E 1, D->F 1; U is "Unknown Artist" (never shown).
describe('nextTracks', () => {
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
  const QUERY = `query($id: ID!, $first: Int) { nextTracks(trackId: $id, first: $first) {
    track { title } score transitions djs lastSeen viaOtherVersions viaTwoHops sharedSetlists evidence } }`;
  const name = (title: string) => title.replace(`${g.prefix} `, '');

  it('ranks direct transitions first, then what two-hop routes and shared setlists suggest, each with why', async () => {
    const { data, errors } = await api.graphql(QUERY, { id: g.id('A'), first: 10 });
    expect(errors).toBeUndefined();
    const rows = data.nextTracks.map((r: { track: { title: string } }) => ({ ...r, track: name(r.track.title) }));
    expect(rows.map((r: { track: string; evidence: string }) => `${r.track}:${r.evidence}`)).toEqual([
      'B:DIRECT',
      'D:DIRECT',
      'C:TWO_HOP',
      'E:TWO_HOP',
      'F:TWO_HOP',
    ]);
    expect(rows[0]).toMatchObject({ transitions: 3, djs: 3, lastSeen: '2022-01-01', viaTwoHops: 0, sharedSetlists: 3 });
    // A -> B -> D and A -> D: direct and two-hop evidence add up
    expect(rows[1]).toMatchObject({ transitions: 1, djs: 1, viaTwoHops: 1 });
    expect(rows[2]).toMatchObject({ transitions: 0, djs: 0, lastSeen: null, viaTwoHops: 1, sharedSetlists: 2 });
    expect(rows.every((r: { track: string }) => r.track !== 'U')).toBe(true);
  });

  it('answers first rows, an empty list for a track nobody played anything after, and refuses a bad first', async () => {
    expect((await api.graphql(QUERY, { id: g.id('A'), first: 1 })).data.nextTracks).toHaveLength(1);
    const fromF = await api.graphql(QUERY, { id: g.id('F') });
    expect(fromF.errors).toBeUndefined();
    // F's only setlist (s4: A D F) gives co-occurrence evidence, nothing after it
    expect(fromF.data.nextTracks.map((r: { evidence: string }) => r.evidence)).toEqual(['SAME_SETLIST', 'SAME_SETLIST']);
    const bad = await api.graphql(QUERY, { id: g.id('A'), first: 0 });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
