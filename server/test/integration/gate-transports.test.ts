import WebSocket from 'ws';
import { startApi } from '../support/api-graph';
import { wsClient, type WsAnswer } from '../support/ws-client';

// One gate for every transport (issue 11): each refusal over HTTP and over graphql-ws, through a real graphql-ws
// client against the real app on port 0. Named after what broke: graphql-ws skipped every guard HTTP had.
type Api = Awaited<ReturnType<typeof startApi>>;
const clients: { dispose(): Promise<void> | void }[] = [];

function overWs(api: Api, query: string, variables: Record<string, unknown> = {}, connectionParams = {}): Promise<WsAnswer> {
  const ws = wsClient(api.url, connectionParams);
  clients.push(ws);
  return ws.request(query, variables);
}

const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: neighbourhood(trackId: "1", limit: 1) { truncated }`).join(' ')} }`;
const fragmentBomb = () => {
  const levels = ['fragment F0 on Track { id title version artistCredit plays credits { role artist { id name } } }'];
  for (let i = 1; i <= 4; i++) {
    const p = `F${i - 1}`;
    levels.push(
      `fragment F${i} on Track { strongestOutgoing { to { ...${p} } from { ...${p} } } strongestIncoming { to { ...${p} } from { ...${p} } } }`,
    );
  }
  return `{ track(id: "1") { ...F4 } } ${levels.join(' ')}`;
};

describe('one gate for HTTP and graphql-ws', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production' }, { rateLimit: { perSecond: 1e6, burst: 1e6 } });
  });
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await api.app.close();
  });

  it.each([
    [
      'a query deeper than the limit (the nested strongestOutgoing that ran 19 s)',
      `{ track(id: "1") { ${'strongestOutgoing(first: 50) { to { '.repeat(7)} id ${'} } '.repeat(7)} } }`,
      /depth limit of 12 exceeded/,
    ],
    ['3,000 aliased neighbourhoods (3,000 statements, and a 500 at 5,000)', aliases(3000), /1000 tokens/],
    ['140,000 duplicate fields (a 500 before)', `{ stats { ${'tracks '.repeat(140_000)} } }`, /1000 tokens/],
    ['more aliases than the limit', aliases(16), /Aliases limit of 15 exceeded/],
    ['a field repeated past the limit', `{ stats { ${'tracks '.repeat(6)} } }`, /selected more than 5 times/],
    [
      'more directives than the limit',
      `{ stats { ${['tracks', 'artists', 'transitions', 'setlists', 'lastSyncAt', 'lastCrawlAt']
        .flatMap((f) => [f, f])
        .map((f) => `... @include(if: true) @skip(if: false) { ${f} }`)
        .join(' ')} } }`,
      /Directives limit of 20 exceeded/,
    ],
    ['a fragment bomb past the node cap', fragmentBomb(), /more than 2000 fields/],
    [
      'a query over the cost limit',
      '{ neighbourhood(trackId: "1", depth: 3, limit: 500) { edges { setlists(first: 50) { edges { node { title } } } } } }',
      /query would cost \d+; at most 20000/,
    ],
    ['introspection in production', '{ __schema { types { name } } }', /introspection/i],
  ])('refuses %s as BAD_USER_INPUT over both transports', async (_what, query, message) => {
    const http = await api.graphql(query);
    expect(http.status).toBe(200);
    expect(http.data).toBeUndefined();
    expect(http.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
    const ws = await overWs(api, query);
    expect(ws.errors?.[0]).toMatchObject({ message: http.errors?.[0].message, extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('graphql-ws answers what HTTP answers for an admitted query', async () => {
    const query = '{ __typename health { ok } }';
    const http = await api.graphql(query);
    expect(http.data).toEqual({ __typename: 'Query', health: { ok: true } });
    expect(await overWs(api, query)).toEqual({ data: http.data, errors: undefined });
  });

  it('graphql-ws refuses a message over 1 MiB (a 5 MB message was accepted), as HTTP answers 413', async () => {
    const http = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(5 * 1024 * 1024)}` }),
    });
    expect(http.status).toBe(413);
    const socket = new WebSocket(`${api.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.once('message', () =>
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ __typename } # ${'x'.repeat(5 * 1024 * 1024)}` } })),
    );
    expect(await closed).toBe(1009);
  });

  it('graphql-ws masks unexpected errors in production, as HTTP does', async () => {
    const broken = await startApi({ NODE_ENV: 'production', NEO4J_PASSWORD: 'wrong-password' });
    try {
      const query = '{ track(id: "1") { id } }';
      const http = await broken.graphql(query);
      expect(http.errors?.[0]).toMatchObject({ message: 'Internal error', extensions: { code: 'INTERNAL' } });
      const ws = await overWs(broken, query);
      expect(ws.errors?.[0]).toMatchObject({ message: 'Internal error', extensions: { code: 'INTERNAL' } });
      expect(JSON.stringify(ws)).not.toMatch(/password|unauthorized|Neo4j/i);
    } finally {
      await broken.app.close();
    }
  });
});

describe('the rate limit and the connection limits, over every transport', () => {
  it('graphql-ws spends the same budget as HTTP (1,000 queries in 2.4 s were never limited)', async () => {
    // 6 work units per 60 s; `{ __typename }` spends one
    const api = await startApi({}, { rateLimit: { perSecond: 0.1, burst: 6 } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await api.graphql('{ __typename }')).status);
      expect(statuses).toEqual([200, 200, 200]);
      const ws = wsClient(api.url);
      clients.push(ws);
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await ws.request('{ __typename }'));
      expect(answers.slice(0, 3).map((a) => a.data)).toEqual([{ __typename: 'Query' }, { __typename: 'Query' }, { __typename: 'Query' }]);
      expect(answers[3]!.errors?.[0]).toMatchObject({ message: 'too many requests; slow down', extensions: { code: 'RATE_LIMITED' } });
      const http = await api.graphql('{ __typename }');
      expect(http.status).toBe(429);
      expect(http.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await api.app.close();
    }
  });

  it('a costly operation spends more of the budget than a cheap one, whatever the transport', async () => {
    // cost 2 * 500 + 100 * 3 = 1300: 3 units of a budget of 5
    const api = await startApi({}, { rateLimit: { perSecond: 0.1, burst: 5 } });
    try {
      const costly = '{ neighbourhood(trackId: "999999999", depth: 3, limit: 500) { truncated } }';
      expect((await overWs(api, costly)).data).toEqual({ neighbourhood: null });
      expect((await api.graphql(costly)).status).toBe(429);
      expect((await api.graphql('{ __typename }')).status).toBe(200);
    } finally {
      await api.app.close();
    }
  });

  it('a client past its WebSocket connection limit is refused at the upgrade, and operations per connection are capped', async () => {
    const api = await startApi({}, { webSocket: { maxConnectionsPerClient: 2, maxOperationsPerConnection: 2 } });
    const sockets: WebSocket[] = [];
    try {
      const open = () =>
        new Promise<number>((resolve) => {
          const socket = new WebSocket(`${api.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
          sockets.push(socket);
          socket.once('open', () => resolve(101));
          socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          socket.once('error', () => undefined);
        });
      expect([await open(), await open(), await open()]).toEqual([101, 101, 429]);
      for (const s of sockets) s.terminate();
      await new Promise((resolve) => setTimeout(resolve, 200)); // the server sees the closes
      expect(await open()).toBe(101);
      for (const s of sockets) s.terminate();

      const ws = wsClient(api.url);
      clients.push(ws);
      const subscription = 'subscription { crawlProgress { event } }';
      const answers: WsAnswer[] = [];
      for (let i = 0; i < 3; i++) void ws.request(subscription).then((a) => answers.push(a));
      for (let i = 0; i < 100 && answers.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answers).toEqual([
        {
          errors: [
            expect.objectContaining({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/at most 2 operations/) }),
          ],
        },
      ]);
    } finally {
      for (const s of sockets) s.terminate();
      await api.app.close();
    }
  });

  afterAll(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
});

describe('metric labels', () => {
  it('client-chosen operation names do not become metric labels (2,000 new names grew /metrics by 30,000 series)', async () => {
    const api = await startApi({}, { rateLimit: { perSecond: 1e6, burst: 1e6 } });
    try {
      const names = Array.from({ length: 300 }, (_, i) => `Attack${i}`);
      for (const name of names.slice(0, 200)) await api.graphql(`query ${name} { __typename }`);
      const ws = wsClient(api.url);
      clients.push(ws);
      for (const name of names.slice(200)) await ws.request(`query ${name} { __typename }`);
      await api.graphql('query Neighbourhood { __typename }');
      const metrics = await (await fetch(`${api.url}/metrics`)).text();
      expect(metrics).not.toMatch(/Attack\d+/);
      expect(metrics).toMatch(/songnodes_graphql_requests_total\{operation="other",type="query",outcome="ok",transport="http"\} 200/);
      expect(metrics).toMatch(/songnodes_graphql_requests_total\{operation="other",type="query",outcome="ok",transport="ws"\} 100/);
      expect(metrics).toMatch(/songnodes_graphql_requests_total\{operation="Neighbourhood",type="query",outcome="ok",transport="http"\} 1/);
    } finally {
      await Promise.all(clients.splice(0).map((c) => c.dispose()));
      await api.app.close();
    }
  });
});
