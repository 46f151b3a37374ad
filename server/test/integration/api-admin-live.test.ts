import { createClient, type Client } from 'graphql-ws';
import { auditServer } from 'graphql-http';
import pino from 'pino';
import WebSocket from 'ws';
import { runSync } from '../../src/sync';
import { connectTestDatabases, type TestDatabases } from '../support/databases';
import { seedApiGraph, startApi } from '../support/api-graph';
import { insertHandMadeSilver } from '../support/silver-fixtures';

// Mutations, subscriptions (two server instances), the GraphQL-over-HTTP audit and error masking.
describe('GraphQL mutations, subscriptions and protocol', () => {
  let db: TestDatabases;
  let api: Awaited<ReturnType<typeof startApi>>;
  let second: Awaited<ReturnType<typeof startApi>>;
  let g: Awaited<ReturnType<typeof seedApiGraph>>;
  const clients: Client[] = [];
  beforeAll(async () => {
    db = connectTestDatabases();
    g = await seedApiGraph(db);
    api = await startApi({ SONGNODES_ADMIN_TOKEN: 'test-admin-token' });
    second = await startApi();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await api.app.close();
    await second.app.close();
    await db.close();
  });

  const admin = { authorization: 'Bearer test-admin-token' };

  it('mutations need the bearer token, and are disabled without a configured one', async () => {
    const add = 'mutation($a: String!, $t: String!) { addTargetTrack(artist: $a, title: $t) { id artist title source status } }';
    const anonymous = await api.graphql(add, { a: 'Deadmau5', t: 'Strobe' });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await api.graphql(add, { a: 'Deadmau5', t: 'Strobe' }, { authorization: 'Bearer nope' });
    expect(wrong.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const disabled = await second.graphql(add, { a: 'Deadmau5', t: 'Strobe' }, admin);
    expect(disabled.errors?.[0].message).toMatch(/no SONGNODES_ADMIN_TOKEN/);

    const injected = "Robert'); DROP TABLE ops.target_track_searches; --";
    const added = await api.graphql(add, { a: injected, t: 'Range' }, admin);
    expect(added.data.addTargetTrack.map((t: { source: string }) => t.source).sort()).toEqual(['1001tracklists', 'mixesdb', 'setlistfm']);
    expect(added.data.addTargetTrack[0].artist).toBe(injected);
    const crawl = await api.graphql(
      `mutation { requestCrawl(targetId: "${added.data.addTargetTrack[0].id}") { id nextSearchAfter } }`,
      {},
      admin,
    );
    expect(Date.parse(crawl.data.requestCrawl.nextSearchAfter)).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await api.graphql('mutation { requestCrawl(targetId: "999999999") { id } }', {}, admin)).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    expect((await api.graphql('mutation { requestSync }', {}, admin)).data.requestSync).toBe(true);
  });

  function subscribe(url: string, query: string, variables: Record<string, unknown>) {
    const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false });
    clients.push(client);
    const received: unknown[] = [];
    const ready = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    client.subscribe(
      { query, variables },
      { next: (value) => void received.push(value.data), error: () => undefined, complete: () => undefined },
    );
    return { received, ready };
  }

  async function waitFor(check: () => boolean) {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  it('graphChanged reaches subscribers on both server instances after a sync, filtered to the watched ids', async () => {
    const q = 'subscription($ids: [ID!]) { graphChanged(trackIds: $ids) { trackIds at } }';
    const onFirst = subscribe(api.url, q, { ids: [g.id('F')] });
    const onSecond = subscribe(second.url, q, { ids: [g.id('F')] });
    const unrelated = subscribe(api.url, q, { ids: ['999999999'] });
    await Promise.all([onFirst.ready, onSecond.ready, unrelated.ready]);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the subscribe message follows the connection

    await insertHandMadeSilver(db.pg, `${g.prefix}x`, {}, []);
    await db.pg
      .query(`INSERT INTO silver.setlists (source, source_url, title, content_sha256) VALUES ('mixesdb', $1, $1, 'x') RETURNING id`, [
        `${g.prefix}/s7`,
      ])
      .then(({ rows }) =>
        db.pg.query(
          'INSERT INTO silver.setlist_tracks (setlist_id, part_index, position, track_id) VALUES ($1, 0, 1, $2), ($1, 0, 2, $3)',
          [rows[0].id, g.ids.F, g.ids.B],
        ),
      );
    await runSync({ pg: db.pg, neo4j: db.neo4j, logger: pino({ level: 'silent' }) });

    await waitFor(() => onFirst.received.length > 0 && onSecond.received.length > 0);
    for (const sub of [onFirst, onSecond]) {
      expect(sub.received[0]).toEqual({ graphChanged: { trackIds: [g.id('F')], at: expect.any(String) } });
    }
    expect(unrelated.received).toEqual([]);
    const edge = await api.graphql(`{ transition(fromId: "${g.id('F')}", toId: "${g.id('B')}") { weight } }`);
    expect(edge.data.transition.weight).toBe(1);
  });

  it('crawlProgress relays the crawler NOTIFYs', async () => {
    const sub = subscribe(second.url, 'subscription { crawlProgress { source event targetId detail } }', {});
    await sub.ready;
    await new Promise((resolve) => setTimeout(resolve, 200));
    await db.pg.query("SELECT pg_notify('crawl_progress', $1)", [
      JSON.stringify({ runId: 1, source: 'mixesdb', event: 'setlist', targetId: 7, detail: { status: 'ok' } }),
    ]);
    await waitFor(() => sub.received.length > 0);
    expect(sub.received[0]).toEqual({ crawlProgress: { source: 'mixesdb', event: 'setlist', targetId: '7', detail: '{"status":"ok"}' } });
  });

  it('passes every MUST of the GraphQL-over-HTTP audit (graphql-http auditServer)', async () => {
    const results = await auditServer({ url: `${api.url}/graphql` });
    const failures = (level: string) => results.filter((r) => r.status !== 'ok' && r.name.startsWith(level)).map((r) => r.name);
    expect(failures('MUST')).toEqual([]);
    // Every SHOULD too (Apollo alone answers 400 where the spec asks 200 for application/json: http/response-status.ts).
    expect(failures('SHOULD')).toEqual([]);
    process.stdout.write(`graphql-http audit: ${results.length} checks, MAY not ok: ${JSON.stringify(failures('MAY'), null, 1)}\n`);
  });

  it('masks unexpected errors in production, with a stable INTERNAL code', async () => {
    const broken = await startApi({ NODE_ENV: 'production', NEO4J_PASSWORD: 'wrong-password' });
    try {
      const result = await broken.graphql(`{ track(id: "${g.id('A')}") { id } }`);
      expect(result.errors?.[0]).toMatchObject({ message: 'Internal error', extensions: { code: 'INTERNAL' } });
      expect(JSON.stringify(result.errors)).not.toMatch(/password|Neo4j|auth/i);
      expect((await fetch(`${broken.url}/readyz`)).status).toBe(503);
    } finally {
      await broken.app.close();
    }
  });

  it('serves /metrics with request, pool and subscription metrics, and the offline IDE in development', async () => {
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).toMatch(/songnodes_graphql_requests_total\{operation="anonymous",type="query",outcome="ok",transport="http"\} \d+/);
    expect(metrics).toMatch(/songnodes_pg_pool_connections\{state="total"\}/);
    expect(metrics).toMatch(/songnodes_subscriptions\{channel="graph_changed"\}/);
    const ide = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await ide.text()).toMatch(/SongNodes GraphQL/);
    expect(ide.headers.get('x-request-id')).toBeTruthy();
  });
});
