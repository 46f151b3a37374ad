import { startReplayServer } from './server';
import { REPLAY_SOURCES, type ReplayServer } from './types';

describe('replay server', () => {
  let server: ReplayServer;

  beforeEach(async () => {
    server = await startReplayServer({
      mixesdb: { pages: new Map([['Ben Klock', 'Artist page']]) },
      robots: { '1001tracklists': 'User-agent: *\nDisallow: /search/\n' },
    });
  });

  afterEach(async () => {
    await server.close();
  });

  it('gives each source its own loopback origin', () => {
    const urls = REPLAY_SOURCES.map((source) => server.urls[source]);
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new Set(urls).size).toBe(3);
  });

  it('serves the given robots.txt per origin and a permissive one otherwise', async () => {
    const robots = async (url: string): Promise<[number, string | null, string]> => {
      const response = await fetch(`${url}/robots.txt`);
      return [response.status, response.headers.get('content-type'), await response.text()];
    };
    expect(await robots(server.urls['1001tracklists'])).toEqual([200, 'text/plain; charset=utf-8', 'User-agent: *\nDisallow: /search/\n']);
    expect((await robots(server.urls.mixesdb))[2]).toBe('User-agent: *\nAllow: /\n');
    expect((await robots(server.urls.setlistfm))[2]).toBe('User-agent: *\nAllow: /\n');
  });

  it('records every request with its decoded query, headers, arrival time and status', async () => {
    const before = Date.now();
    await fetch(`${server.urls.mixesdb}/robots.txt`, { headers: { 'user-agent': 'SongNodesBot/1.0' } });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await fetch(`${server.urls.mixesdb}/w/index.php?title=Ben_Klock&action=raw`);
    await fetch(`${server.urls.setlistfm}/rest/1.0/search/setlists?artistName=Guns+N%27+Roses`, {
      headers: { 'x-api-key': 'k' },
    });
    const [robots, page, search] = server.requests;
    expect(server.requests).toHaveLength(3);
    expect(robots).toMatchObject({ source: 'mixesdb', method: 'GET', path: '/robots.txt', query: {}, status: 200 });
    expect(robots!.headers['user-agent']).toBe('SongNodesBot/1.0');
    expect(page).toMatchObject({ path: '/w/index.php', query: { title: 'Ben_Klock', action: 'raw' }, status: 200 });
    expect(search).toMatchObject({ source: 'setlistfm', query: { artistName: "Guns N' Roses" }, status: 404 });
    expect(search!.headers['x-api-key']).toBe('k');
    expect(robots!.at).toBeGreaterThanOrEqual(before);
    expect(page!.at - robots!.at).toBeGreaterThanOrEqual(25); // enough resolution to assert politeness delays
    expect(search!.at).toBeLessThanOrEqual(Date.now());
  });

  it('answers HEAD without a body and other methods with 405', async () => {
    const head = await fetch(`${server.urls.mixesdb}/w/index.php?title=Ben_Klock&action=raw`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, '11', '']);
    const post = await fetch(`${server.urls.mixesdb}/w/api.php`, { method: 'POST', body: 'action=query' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'POST']);
  });

  it('closes promptly while a hanging request is outstanding', async () => {
    server.addFault({ source: 'mixesdb', match: '/w/api.php', kind: 'hang' });
    const pending = fetch(`${server.urls.mixesdb}/w/api.php?action=query`); // no client timeout: only close() ends it
    const outcome = pending.then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(1);
    // close() must end the hanging request itself: were it to wait for it, this test would time out
    await server.close();
    expect(await outcome).toBe('failed');
  });

  it('fails to start when a fixed port is taken, releasing the ports it did open', async () => {
    const probe = await startReplayServer();
    const freePort = (url: string): number => Number(new URL(url).port);
    const [mixesdb, tracklists] = [freePort(probe.urls.mixesdb), freePort(probe.urls['1001tracklists'])];
    await probe.close();
    const taken = freePort(server.urls.setlistfm);
    const ports = { mixesdb, '1001tracklists': tracklists, setlistfm: taken };
    await expect(startReplayServer({ ports })).rejects.toThrow(/EADDRINUSE/);
    const again = await startReplayServer({ ports: { ...ports, setlistfm: 0 } }); // would fail if a port leaked
    expect(again.urls.mixesdb).toBe(`http://127.0.0.1:${mixesdb}`);
    await again.close();
  });
});
