import type { Pool } from 'pg';
import { createLogger } from '../../src/logger';
import { runCommunityJob, runSync, watchSilver } from '../../src/sync';
import { startApi } from '../support/api-graph';
import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { insertHandMadeSilver } from '../support/silver-fixtures';
import { createCapturingLogger } from '../support/sync-listen';

const silent = createLogger('silent');

/**
 * Two scenes: C1-C4 played into each other in twelve sets, D1-D4 likewise, one set going from C4 to D1. Twelve sets
 * keep them among the 5,000 most played tracks the job starts from, whatever else the test database holds.
 */
const DJS = Array.from({ length: 12 }, (_, i) => `S${i}`);
async function twoScenes(pg: Pool, prefix: string) {
  const tracks = Object.fromEntries(['C1', 'C2', 'C3', 'C4', 'D1', 'D2', 'D3', 'D4'].map((n) => [n, undefined]));
  const scene = (s: string) => [`${s}1`, `${s}2`, `${s}3`, `${s}4`, `${s}1`, `${s}3`, `${s}2`, `${s}4`];
  return insertHandMadeSilver(pg, prefix, tracks, [
    ...DJS.map((dj) => ({ url: `c-${dj}`, djs: [`DJ ${dj}`], parts: [scene('C')] })),
    ...DJS.map((dj) => ({ url: `d-${dj}`, djs: [`DJ ${dj}`], parts: [scene('D')] })),
    { url: 'bridge', djs: ['DJ B'], parts: [['C4', 'D1']] },
  ]);
}

// Issue 11: `communities` computed label propagation inside a read, writing into gold, behind a per-process cache.
// Now the sync computes and stores them (server/src/sync/communities.ts); the query only reads.
describe('communities: a job of the sync, read by the API', () => {
  let db: TestDatabases;
  let api: Awaited<ReturnType<typeof startApi>>;
  const prefix = uniquePrefix();
  let ids: Record<string, number>;
  const QUERY = '{ communities(first: 50, minSize: 1) { id size topTracks { id } } }';
  const countDerived = async () => {
    const { records } = await db.neo4j.executeQuery(
      'RETURN COUNT { (c:Community) } AS communities, COUNT { (t:Track) WHERE t.lpa IS NOT NULL } AS labelled',
    );
    return records[0]!.toObject();
  };
  /** The stored community of each of our tracks, by track name. */
  const storedCommunityOf = async () => {
    const { records } = await db.neo4j.executeQuery(
      'MATCH (c:Community) UNWIND c.topTrackIds AS id WITH c, id WHERE id IN $ids RETURN id, c.id AS community',
      { ids: Object.values(ids) },
    );
    const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    return Object.fromEntries(records.map((r) => [names.get(r.get('id')), r.get('community') as number]));
  };

  beforeAll(async () => {
    db = connectTestDatabases();
    ids = await twoScenes(db.pg, prefix);
    await runSync({ pg: db.pg, neo4j: db.neo4j, logger: silent });
    api = await startApi();
  });
  afterAll(async () => {
    await api.app.close();
    await db.close();
  });

  it('the query only reads: before any job it answers nothing and writes nothing (regression: it wrote into gold from a read)', async () => {
    await db.neo4j.executeQuery('MATCH (c:Community) DETACH DELETE c');
    await db.neo4j.executeQuery('MATCH (t:Track) WHERE t.lpa IS NOT NULL REMOVE t.lpa');
    const answer = await api.graphql(QUERY);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.communities).toEqual([]);
    expect(await countDerived()).toEqual({ communities: 0, labelled: 0 });
  });

  it('the job stores one community per scene, and the query answers what it stored', async () => {
    const result = await runCommunityJob({ pg: db.pg, neo4j: db.neo4j, logger: silent });
    expect(result.communities).toBeGreaterThan(1);
    const of = await storedCommunityOf();
    expect(new Set(['C1', 'C2', 'C3', 'C4'].map((n) => of[n])).size).toBe(1);
    expect(new Set(['D1', 'D2', 'D3', 'D4'].map((n) => of[n])).size).toBe(1);
    expect(of.C1).not.toBe(of.D1);

    const answer = await api.graphql(QUERY);
    const scene = answer.data.communities.find((c: { id: string }) => c.id === String(of.C1));
    expect(scene).toEqual({ id: String(of.C1), size: 4, topTracks: expect.any(Array) });
    expect(scene.topTracks.map((t: { id: string }) => Number(t.id)).sort()).toEqual([ids.C1, ids.C2, ids.C3, ids.C4].sort());
    const stored = await countDerived();
    // Reading again changes nothing stored.
    await api.graphql(QUERY);
    expect(await countDerived()).toEqual(stored);
  });

  it('a --watch daemon recomputes them once gold is quiet after a change, and on requestSync when nothing changed', async () => {
    const { logger, lines, waitForLine } = createCapturingLogger();
    const controller = new AbortController();
    const watching = watchSilver(
      { pg: db.pg, neo4j: db.neo4j, logger },
      { debounceMs: 10, intervalSeconds: 3600, communitiesDelaySeconds: 0.2, signal: controller.signal },
    );
    const stored = () => lines.filter((l) => l.msg === 'communities stored').length;
    try {
      await waitForLine((l) => l.msg === 'sync run finished');
      // A third scene joins the second: after the run that projects it, the job runs again and stores it.
      const more = await insertHandMadeSilver(db.pg, `${prefix}e`, { E1: undefined }, []);
      await db.pg.query(
        `WITH s AS (INSERT INTO silver.setlists (source, source_url, title, content_sha256) VALUES ('mixesdb', $1, $1, 'x') RETURNING id)
         INSERT INTO silver.setlist_tracks (setlist_id, part_index, position, track_id) SELECT s.id, 0, p, t FROM s,
           unnest(ARRAY[1, 2, 3]::int[], ARRAY[$2, $3, $2]::bigint[]) AS r(p, t)`,
        [`${prefix}/e`, more.E1, ids.D2],
      );
      const before = stored();
      await db.pg.query("SELECT pg_notify('silver_changed', 'test')");
      await waitForLine((l) => l.msg === 'sync run finished' && (l.batches as number) > 0);
      await waitForLine(() => stored() > before);
      // Stored after the run that projected the new setlist (whether E1 made the 5,000 most played depends on what
      // else the test database holds).
      const projected = lines.find((l) => l.msg === 'sync run finished' && (l.batches as number) > 0 && l.reason === 'notify')!;
      const { records } = await db.neo4j.executeQuery('MATCH (c:Community) RETURN min(c.computedAt.epochMillis) AS at');
      expect(records[0]!.get('at')).toBeGreaterThanOrEqual(projected.time as number);

      // requestSync (its NOTIFY payload is 'requested'): no change to project, the job runs all the same.
      const again = stored();
      await db.pg.query("SELECT pg_notify('silver_changed', 'requested')");
      await waitForLine(() => stored() > again);
      const requestedRun = lines.filter((l) => l.msg === 'sync run finished').at(-1)!;
      expect(requestedRun).toMatchObject({ reason: 'requested', batches: 0 });
    } finally {
      controller.abort();
      await watching;
    }
  });
});
