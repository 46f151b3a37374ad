import { createClient, type Client } from 'graphql-ws';
import neo4j, { type Driver } from 'neo4j-driver';
import WebSocket from 'ws';
import type { Pool } from 'pg';
import { createGoldPool, type GoldPool } from '../../src/db/gold-pool';
import { createNeo4jDriver } from '../../src/db/neo4j';
import { readCypher } from '../../src/db/run-cypher';
import { createLogger } from '../../src/logger';
import { forgetInstance, runSync, type SyncOptions } from '../../src/sync';
import { connectTestDatabases, uniquePrefix, type TestDatabases } from '../support/databases';
import { startApi } from '../support/api-graph';
import { insertHandMadeSilver, readTransitions, replaceSetlistRows } from '../support/silver-fixtures';
import { readGoldEdges } from '../support/sync-gold';
import { compileSyncEntry, startSyncProcess } from '../support/sync-process';
import { connectSecondGold, differencesOf, readInstance, secondGoldUri, startGoldRelay } from '../support/sync-replicas';

const silent = createLogger('silent');
const credentials = { user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD || 'songnodes-dev' };
const setlistId = async (pg: Pool, url: string) =>
  Number((await pg.query('SELECT id FROM silver.setlists WHERE source_url = $1', [url])).rows[0].id);

// Read scale-out by projection (README "Read scale-out"): two real Neo4j instances, each a full projection of silver
// fed by its own sync with its own watermark; the API's gold pool reads from whichever is complete and reachable.
describe('sync: two gold instances, one sync each', () => {
  let db: TestDatabases;
  let goldB: Driver;
  const prefix = uniquePrefix();
  // Instance A is the default 'gold' on NEO4J_URI (the other sync tests' instance); B feeds the second Neo4j.
  const A = 'gold';
  const B = `${prefix}-b`;
  const pools: GoldPool[] = [];
  const syncA = (options: SyncOptions = {}) => runSync({ pg: db.pg, neo4j: db.neo4j, logger: silent }, { name: A, ...options });
  const syncB = (options: SyncOptions = {}, driver = goldB) =>
    runSync({ pg: db.pg, neo4j: driver, logger: silent }, { name: B, ...options });
  const poolOf = async (uris: string[]) => {
    const pool = await createGoldPool({
      uris,
      createDriver: (uri) => createNeo4jDriver({ uri, ...credentials }),
      logger: silent,
      probeIntervalMs: 3_600_000,
    });
    pools.push(pool);
    return pool;
  };

  beforeAll(async () => {
    db = connectTestDatabases();
    goldB = await connectSecondGold();
    await syncA();
    await syncB();
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
    // A registered instance holds back pruning for every other: leave none behind for the next test file.
    for (const name of [B, `${prefix}-c`]) await forgetInstance(db.pg, name);
    await goldB.close();
    await db.close();
  });

  it('keeps one watermark per instance: a run of one moves only its own, and each converges to silver', async () => {
    const before = await readInstance(db.pg, B);
    const ids = await insertHandMadeSilver(db.pg, `${prefix}w`, { P: undefined, Q: undefined, R: undefined }, [
      { url: 'one', djs: ['DJ W'], parts: [['P', 'Q', 'R']] },
    ]);
    expect((await syncA()).mode).toBe('incremental');
    expect(Object.keys(await readGoldEdges(db.neo4j, ids))).toEqual(['P>Q', 'Q>R']);
    expect(await readGoldEdges(goldB, ids)).toEqual({});
    expect(await readInstance(db.pg, B)).toEqual(before);

    const b = await syncB();
    expect(b).toMatchObject({ mode: 'incremental', instance: B });
    expect(Object.keys(await readGoldEdges(goldB, ids))).toEqual(['P>Q', 'Q>R']);
    expect((await readInstance(db.pg, B))?.lastResult).toMatchObject({ instance: B, watermark: b.watermark });
    expect(await differencesOf(db.pg, db.neo4j)).toEqual([]);
    expect(await differencesOf(db.pg, goldB)).toEqual([]);
  });

  it('rebuilds an instance whose Neo4j lost its data, instead of marking the near-empty graph synced', async () => {
    // A lost volume: the Neo4j comes back empty while this instance's watermark row still says "synced up to here".
    const session = goldB.session();
    try {
      await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS'); // auto-commit only
    } finally {
      await session.close();
    }
    expect(await readInstance(db.pg, B)).not.toBeNull();
    expect((await syncB()).mode).toBe('full');
    expect(await differencesOf(db.pg, goldB)).toEqual([]);
    expect((await syncB()).mode).toBe('incremental');
  });

  it('rebuilds one instance with --full while the other serves every read, and a killed rebuild is finished by its next run', async () => {
    const names = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`T${i}`, undefined]));
    const ids = await insertHandMadeSilver(db.pg, `${prefix}r`, names, [{ url: 'dozen', djs: ['DJ R'], parts: [Object.keys(names)] }]);
    await syncA();
    await syncB();
    const pool = await poolOf([db.config.neo4jUri, secondGoldUri()]);
    expect(pool.status().map((s) => s.state)).toEqual(['ready', 'ready']);

    // B's rebuild, killed half-way through clearing: B is half-built, and says so in its gold marker.
    const run = startSyncProcess(compileSyncEntry(), ['--full', '--skip-communities'], {
      NEO4J_URI: secondGoldUri(),
      SYNC_INSTANCE_NAME: B,
      SYNC_BATCH_SIZE: '3',
    });
    await run.waitForLog((l) => l.msg === 'gold clear batch committed' && l.batch === 2);
    run.child.kill('SIGKILL');
    await run.exited;
    expect(await readInstance(db.pg, B)).toMatchObject({ watermark: null, floor: expect.any(String) });
    await pool.refresh();
    expect(pool.status().map((s) => s.state)).toEqual(['ready', 'rebuilding']);

    // Every read goes to A, the complete instance: every answer is whole.
    for (let i = 0; i < 8; i++) {
      const rows = await readCypher(pool.pick(), 'api/tracks-by-id', { ids: Object.values(ids) });
      expect(rows).toHaveLength(12);
    }
    // A's sync goes on regardless of B.
    const more = await insertHandMadeSilver(db.pg, `${prefix}r2`, { X: undefined, Y: undefined }, [
      { url: 'x', djs: ['DJ R'], parts: [['X', 'Y']] },
    ]);
    await syncA();
    expect(Object.keys(await readGoldEdges(db.neo4j, more))).toEqual(['X>Y']);

    // B's next run sees the unfinished rebuild and completes it.
    expect((await syncB()).mode).toBe('full');
    expect(await readInstance(db.pg, B)).toMatchObject({ watermark: expect.any(String), floor: null });
    expect(await differencesOf(db.pg, goldB)).toEqual([]);
    await pool.refresh();
    expect(pool.status().map((s) => s.state)).toEqual(['ready', 'ready']);
  });

  it('a stopped instance blocks neither reads nor the other instance: the pool stops sending to it, its sync waits', async () => {
    const relay = await startGoldRelay(secondGoldUri());
    // The sync's driver through the relay, without managed retries (they would retry the failed write for 30 s).
    const viaRelay = neo4j.driver(relay.uri, neo4j.auth.basic(credentials.user, credentials.password), {
      disableLosslessIntegers: true,
      maxTransactionRetryTime: 0,
    });
    try {
      await syncB({}, viaRelay);
      const pool = await poolOf([db.config.neo4jUri, relay.uri]);
      expect(pool.status().map((s) => s.state)).toEqual(['ready', 'ready']);
      const ids = await insertHandMadeSilver(db.pg, `${prefix}s`, { K: undefined, L: undefined }, [
        { url: 's', djs: ['DJ S'], parts: [['K', 'L']] },
      ]);
      await syncA();
      await syncB({}, viaRelay);

      await relay.stop();
      // Reads that meet the stopped instance fail over: run-cypher retries a connection failure, and the pool sends
      // the retry elsewhere and B no more reads, without waiting for a probe.
      for (let i = 0; i < 6; i++) {
        const rows = await readCypher(pool.pick(), 'api/tracks-by-id', { ids: Object.values(ids) });
        expect(rows).toHaveLength(2);
      }
      expect(pool.status().map((s) => s.state)).toEqual(['ready', 'down']);

      // B's sync fails and keeps its watermark; A's goes on.
      const bBefore = await readInstance(db.pg, B);
      const late = await insertHandMadeSilver(db.pg, `${prefix}s2`, { M: undefined, N: undefined }, [
        { url: 's2', djs: ['DJ S'], parts: [['M', 'N']] },
      ]);
      await expect(syncB({}, viaRelay)).rejects.toThrow();
      expect(await readInstance(db.pg, B)).toEqual(bBefore);
      await syncA();
      expect(Object.keys(await readGoldEdges(db.neo4j, late))).toEqual(['M>N']);

      // Back: probed ready again, and its sync catches up from its own watermark.
      await relay.start();
      await pool.refresh();
      expect(pool.status().map((s) => s.state)).toEqual(['ready', 'ready']);
      expect((await syncB({}, viaRelay)).mode).toBe('incremental');
      expect(Object.keys(await readGoldEdges(goldB, late))).toEqual(['M>N']);
      expect(await differencesOf(db.pg, goldB)).toEqual([]);
    } finally {
      await viaRelay.close();
      await relay.close();
    }
  });

  it('every API replica reads from both instances and delivers graphChanged once per instance (no dedupe)', async () => {
    const uris = `${db.config.neo4jUri},${secondGoldUri()}`;
    const apis = [await startApi({ NEO4J_URI: uris }), await startApi({ NEO4J_URI: uris })];
    const clients: Client[] = [];
    try {
      const ids = await insertHandMadeSilver(db.pg, `${prefix}g`, { G: undefined, H: undefined }, []);
      const subscribers = await Promise.all(
        apis.map(async (api) => {
          const client = createClient({ url: `${api.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false });
          clients.push(client);
          const received: string[][] = [];
          let acknowledged!: () => void;
          const ready = new Promise<void>((resolve) => (acknowledged = resolve));
          client.on('connected', () => acknowledged());
          client.subscribe<{ graphChanged: { trackIds: string[] } }>(
            { query: 'subscription($ids: [ID!]) { graphChanged(trackIds: $ids) { trackIds } }', variables: { ids: [String(ids.G)] } },
            { next: (value) => void received.push(value.data!.graphChanged.trackIds), error: () => undefined, complete: () => undefined },
          );
          await ready;
          return received;
        }),
      );
      // The subscribe message follows the connection ack; a query over the same socket would prove it, a pause will do.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const setlist = await db.pg.query(
        "INSERT INTO silver.setlists (source, source_url, title, content_sha256) VALUES ('mixesdb', $1, $1, 'g') RETURNING id",
        [`${prefix}g/g`],
      );
      await db.pg.query(
        'INSERT INTO silver.setlist_tracks (setlist_id, part_index, position, track_id) VALUES ($1, 0, 1, $2), ($1, 0, 2, $3)',
        [setlist.rows[0].id, ids.G, ids.H],
      );
      const waitForEvents = async (count: number) => {
        for (let i = 0; i < 200 && subscribers.some((r) => r.length < count); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      };
      await syncA();
      await waitForEvents(1);
      await syncB();
      await waitForEvents(2);
      // One event per gold instance on every replica: the last one means both instances hold the change.
      for (const received of subscribers) expect(received).toEqual([[String(ids.G)], [String(ids.G)]]);
      for (const api of apis) {
        for (let i = 0; i < 4; i++) {
          const answer = await api.graphql(`{ transition(fromId: "${ids.G}", toId: "${ids.H}") { weight } }`);
          expect(answer.data.transition).toEqual({ weight: 1 });
        }
      }
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
      await Promise.all(apis.map((api) => api.app.close()));
    }
  });

  it('prunes a weight-0 transition only once every instance has removed its edge: the slowest decides', async () => {
    const ids = await insertHandMadeSilver(db.pg, `${prefix}z`, { X: undefined, Y: undefined, Z: undefined }, [
      { url: 'z', djs: ['DJ Z'], parts: [['X', 'Y', 'Z']] },
    ]);
    await syncA();
    await syncB();
    await replaceSetlistRows(db.pg, await setlistId(db.pg, `${prefix}z/z`), ids, [['Y', 'X', 'Z']]);
    expect((await readTransitions(db.pg, ids))['X>Y']).toMatchObject({ weight: 0 });

    await syncA();
    expect(Object.keys(await readGoldEdges(db.neo4j, ids))).toEqual(['X>Z', 'Y>X']);
    // B still holds X>Y: the row that tells its sync to remove it must stay.
    expect(Object.keys(await readGoldEdges(goldB, ids))).toEqual(['X>Y', 'Y>Z']);
    expect(Object.keys(await readTransitions(db.pg, ids))).toEqual(['X>Y', 'X>Z', 'Y>X', 'Y>Z']);

    await syncB();
    expect(Object.keys(await readGoldEdges(goldB, ids))).toEqual(['X>Z', 'Y>X']);
    expect(Object.keys(await readTransitions(db.pg, ids))).toEqual(['X>Z', 'Y>X']);
    expect(await differencesOf(db.pg, db.neo4j)).toEqual([]);
    expect(await differencesOf(db.pg, goldB)).toEqual([]);
  });

  it('a forgotten or expired instance stops holding back pruning, and rebuilds from scratch if it comes back', async () => {
    const C = `${prefix}-c`;
    const syncC = () => runSync({ pg: db.pg, neo4j: goldB, logger: silent }, { name: C });
    const ids = await insertHandMadeSilver(db.pg, `${prefix}f`, { X: undefined, Y: undefined }, [
      { url: 'f', djs: ['DJ F'], parts: [['X', 'Y']] },
    ]);
    await syncC();
    await syncB();
    await syncA();
    const zeroXY = async () => {
      await replaceSetlistRows(db.pg, await setlistId(db.pg, `${prefix}f/f`), ids, [['X', null, 'Y']]);
      await syncA();
      await syncB();
    };
    const hasXY = async () => 'X>Y' in (await readTransitions(db.pg, ids));

    await zeroXY();
    expect(await hasXY()).toBe(true); // C has not synced since
    expect(await forgetInstance(db.pg, C)).toBe(true);
    await syncA();
    expect(await hasXY()).toBe(false);
    expect((await syncC()).mode).toBe('full');

    await replaceSetlistRows(db.pg, await setlistId(db.pg, `${prefix}f/f`), ids, [['X', 'Y']]);
    await syncC();
    await zeroXY();
    expect(await hasXY()).toBe(true);
    // C's sync has not run for two days: past SYNC_INSTANCE_TTL_HOURS (24), the next prune forgets it.
    await db.pg.query("UPDATE ops.sync_state SET seen_at = now() - interval '2 days' WHERE name = $1", [C]);
    await syncA();
    expect(await hasXY()).toBe(false);
    expect(await readInstance(db.pg, C)).toBeNull();
    await syncB();
    expect(await differencesOf(db.pg, goldB)).toEqual([]);
  });
});
