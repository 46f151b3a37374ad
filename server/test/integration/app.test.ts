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
