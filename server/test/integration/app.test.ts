import { buildApp, type App } from '../../src/app';
import { loadServerConfig } from '../../src/config';

// The app factory, started on port 0 against the real databases.
describe('buildApp', () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    app = await buildApp(loadServerConfig({ ...process.env, LOG_LEVEL: 'silent' }));
    url = await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  const graphql = async (query: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data: Record<string, unknown> } };
  };

  it('answers /healthz and /readyz with both databases reachable', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, postgres: true, neo4j: true });
  });

  it('binds 127.0.0.1 by default (the server listened on all interfaces)', async () => {
    const { HOST: _unset, ...env } = process.env; // the default, whatever this shell sets
    const local = await buildApp(loadServerConfig({ ...env, LOG_LEVEL: 'silent' }), { clientDir: null });
    try {
      expect(await local.listen(0)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(local.httpServer.address()).toMatchObject({ address: '127.0.0.1' });
    } finally {
      await local.close();
    }
  });

  it('answers the health and stats queries', async () => {
    const { status, body } = await graphql('{ health { ok postgres neo4j version } stats { tracks setlists transitions } }');
    expect(status).toBe(200);
    expect(body.data.health).toEqual({ ok: true, postgres: true, neo4j: true, version: expect.any(String) });
    expect(body.data.stats).toEqual({
      tracks: expect.any(Number),
      setlists: expect.any(Number),
      transitions: expect.any(Number),
    });
  });
});

// /graphql is served by http/graphql-handler.ts, straight into Apollo: what Express's body parser used to refuse it
// refuses itself, with the API's stable error codes.
describe('GraphQL over HTTP at the edge', () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    app = await buildApp(loadServerConfig({ ...process.env, LOG_LEVEL: 'silent' }), { clientDir: null });
    url = await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  const post = (body: string, headers: Record<string, string> = {}, base = url) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('malformed JSON is a 400 with a GraphQL error, and the request id comes back', async () => {
    const response = await post('{ "query": "{ health { ok } }"', { 'x-request-id': 'malformed-json-test' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('malformed-json-test');
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, string> }[] };
    expect(body.errors[0]!.message).toMatch(/not valid JSON/);
    expect(body.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
  });

  it('a body over 1 MiB is refused with 413 and the connection still gets its answer', async () => {
    const response = await post(JSON.stringify({ query: `{ health { ok } } # ${'x'.repeat(1024 * 1024)}` }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a query refused before execution answers 200 for application/json and 400 for application/graphql-response+json', async () => {
    const invalid = JSON.stringify({ query: '{ noSuchField }' });
    const legacy = await post(invalid, { accept: 'application/json' });
    expect(legacy.status).toBe(200);
    expect(((await legacy.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    const modern = await post(invalid, { accept: 'application/graphql-response+json' });
    expect(modern.status).toBe(400);
    const missingQuery = await post(JSON.stringify({ variables: {} }), { accept: 'application/json' });
    expect(missingQuery.status).toBe(400);
  });

  it('GET queries work, and a browser visiting /graphql gets the IDE in development', async () => {
    // (Apollo's CSRF prevention wants a preflighted GET: a JSON content-type or apollo-require-preflight.)
    const get = await fetch(`${url}/graphql?query=${encodeURIComponent('{ health { ok } }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(await get.json()).toEqual({ data: { health: { ok: true } } });
    const ide = await fetch(`${url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(ide.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('past its burst a client is refused with 429 RATE_LIMITED and the seconds until its budget is back', async () => {
    // 3 work units per 30 s window; `{ __typename }` spends one.
    const strict = await buildApp(loadServerConfig({ ...process.env, LOG_LEVEL: 'silent' }), {
      clientDir: null,
      rateLimit: { perSecond: 0.1, burst: 3 },
    });
    try {
      const base = await strict.listen(0, '127.0.0.1');
      const responses = [];
      for (let i = 0; i < 4; i++) responses.push(await post(JSON.stringify({ query: '{ __typename }' }), {}, base));
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      const refused = responses[3]!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(30);
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
    } finally {
      await strict.close();
    }
  });
});
