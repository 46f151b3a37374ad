import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReplayServer } from './server';
import type { ReplayServer } from './types';

const readFixture = (name: string): string => readFileSync(join(__dirname, '..', 'sources', '1001tracklists', 'fixtures', name), 'utf8');

const TRACKLIST_PATH = '/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';
const TRACKLIST_HTML = readFixture('tracklist.html');
const CAPTCHA_HTML = readFixture('captcha.html');
const SEARCH = '/w/api.php?action=query&list=search&format=json&srsearch=';

let server: ReplayServer;

beforeEach(async () => {
  server = await startReplayServer({
    mixesdb: { pages: new Map([['2023-04-28 - Bicep @ RDM', '# Bicep - Glue [Ninja Tune]\n']]) },
    tracklists1001: { pages: new Map([[TRACKLIST_PATH, TRACKLIST_HTML]]) },
    setlistfm: { setlists: [] },
  });
});

afterEach(async () => {
  await server.close();
});

const mixesdb = (pathAndQuery: string, init?: RequestInit): Promise<Response> => fetch(`${server.urls.mixesdb}${pathAndQuery}`, init);

describe('replay faults', () => {
  it('answers 429 with Retry-After for every matching request until cleared', async () => {
    server.addFault({ source: 'mixesdb', match: '/w/api.php', kind: 'status', status: 429, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i += 1) {
      const response = await mixesdb(`${SEARCH}bicep`);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
      expect(await response.text()).toBe('429 Too Many Requests');
    }
    server.clearFaults();
    expect((await mixesdb(`${SEARCH}bicep`)).status).toBe(200);
  });

  it('answers 500 twice, then the real page (times counts down)', async () => {
    server.addFault({ source: 'mixesdb', match: 'action=raw', kind: 'status', status: 500, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await mixesdb('/w/index.php?title=2023-04-28_-_Bicep_@_RDM&action=raw')).status);
    }
    expect(statuses).toEqual([500, 500, 200]);
    expect(server.requests.map((r) => [r.status, r.fault])).toEqual([
      [500, 'status'],
      [500, 'status'],
      [200, undefined],
    ]);
  });

  it('keeps the real content type when a status fault brings its own body', async () => {
    server.addFault({
      source: 'setlistfm',
      match: /search\/setlists/,
      kind: 'status',
      status: 503,
      body: '{"code":503}',
    });
    const response = await fetch(`${server.urls.setlistfm}/rest/1.0/search/setlists?artistName=x`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ code: 503 });
  });

  it('hangs until the client gives up, and keeps serving other requests', async () => {
    server.addFault({ source: '1001tracklists', match: TRACKLIST_PATH, kind: 'hang' });
    await expect(fetch(`${server.urls['1001tracklists']}${TRACKLIST_PATH}`, { signal: AbortSignal.timeout(200) })).rejects.toThrow(
      /aborted|timeout/i,
    );
    expect(server.requests[0]).toMatchObject({ status: 0, fault: 'hang' });
    expect((await fetch(`${server.urls['1001tracklists']}/robots.txt`)).status).toBe(200);
  });

  it('truncates the real body after N bytes and resets the connection', async () => {
    server.addFault({ source: '1001tracklists', match: 'bicep-the-', kind: 'truncate', bytes: 1000, times: 1 });
    const response = await fetch(`${server.urls['1001tracklists']}${TRACKLIST_PATH}`);
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(TRACKLIST_HTML));
    const reader = response.body!.getReader();
    let received = 0;
    let failure: unknown = null;
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += chunk.value.length;
    } catch (error) {
      failure = error;
    }
    expect(failure).not.toBeNull();
    expect(received).toBe(1000);
    expect(await (await fetch(`${server.urls['1001tracklists']}${TRACKLIST_PATH}`)).text()).toBe(TRACKLIST_HTML);
  });

  it('replaces the body: the captcha page for a tracklist, malformed JSON for search results', async () => {
    server.addFault({ source: '1001tracklists', match: '/tracklist/', kind: 'body', body: CAPTCHA_HTML });
    server.addFault({ source: 'mixesdb', match: 'list=search', kind: 'body', body: '{"query": {"sea' });
    const page = await fetch(`${server.urls['1001tracklists']}${TRACKLIST_PATH}`);
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([200, 'text/html; charset=utf-8', CAPTCHA_HTML]);
    const search = await mixesdb(`${SEARCH}bicep`);
    expect(search.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await search.text();
    expect(text).toBe('{"query": {"sea');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('can give a replaced body its own status and content type', async () => {
    server.addFault({
      source: 'setlistfm',
      match: '/rest/',
      kind: 'body',
      body: '<html>',
      contentType: 'text/html',
      status: 502,
    });
    const response = await fetch(`${server.urls.setlistfm}/rest/1.0/setlist/x`);
    const seen = [response.status, response.headers.get('content-type'), await response.text()];
    expect(seen).toEqual([502, 'text/html', '<html>']);
  });

  it('tries faults in the order added, matches raw or decoded URLs, and scopes them to one source', async () => {
    server.addFault({ source: 'mixesdb', match: 'insource:"Bicep - Glue"', kind: 'status', status: 503, times: 1 });
    server.addFault({ source: 'mixesdb', match: /srsearch=insource%3A/, kind: 'status', status: 429 });
    const query = `${SEARCH}${encodeURIComponent('insource:"Bicep - Glue"')}`;
    expect((await mixesdb(query)).status).toBe(503);
    expect((await mixesdb(query)).status).toBe(429);
    expect((await mixesdb(`${SEARCH}bicep`)).status).toBe(200);
    expect((await fetch(`${server.urls.setlistfm}/rest/1.0/search/setlists?artistName=insource`)).status).toBe(404);
  });

  it('applies faults given at start-up', async () => {
    const faulty = await startReplayServer({
      faults: [{ source: 'setlistfm', match: '/robots.txt', kind: 'status', status: 500, times: 1 }],
    });
    try {
      expect((await fetch(`${faulty.urls.setlistfm}/robots.txt`)).status).toBe(500);
      expect((await fetch(`${faulty.urls.setlistfm}/robots.txt`)).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });
});
