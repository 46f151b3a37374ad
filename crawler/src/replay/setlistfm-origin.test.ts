import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReplayServer } from './server';
import type { ReplayServer } from './types';

interface SetlistStub {
  id: string;
  eventDate: string;
  artist: { name: string; mbid: string };
}
interface SearchBody {
  type: string;
  itemsPerPage: number;
  page: number;
  total: number;
  setlist: SetlistStub[];
}

const FIXTURES = join(__dirname, '..', 'sources', 'setlistfm', 'fixtures');
const readSetlists = (file: string): SetlistStub[] => (JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as SearchBody).setlist;

// Real captures: 20 BABYMETAL shows (2017), 20 shows by many artists (2017), 20 Phish shows (2024-2025).
const BABYMETAL = readSetlists('ruby-setlistfm-fixtures/search/setlists/200.json');
const EDITED = readSetlists('ruby-setlistfm-fixtures/user/edited/200.json');
const PHISH = readSetlists('phish-setlists-response.json');
const FOTOS_FILE = join(FIXTURES, 'ruby-setlistfm-fixtures/setlist/200.json');
const FOTOS = JSON.parse(readFileSync(FOTOS_FILE, 'utf8')) as SetlistStub;
const API_KEY = 'test-key';

let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer({
    setlistfm: { setlists: [...BABYMETAL, ...EDITED, ...PHISH, FOTOS], apiKey: API_KEY },
  });
});

afterAll(async () => {
  await server.close();
});

interface Answer {
  status: number;
  type: string | null;
  body: unknown;
}

async function get(path: string, apiKey: string | null = API_KEY): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (apiKey !== null) headers['x-api-key'] = apiKey;
  const response = await fetch(`${server.urls.setlistfm}${path}`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

describe('setlist.fm replay', () => {
  it('searches by artist name case-insensitively, in the order given', async () => {
    const { status, type, body } = await get('/rest/1.0/search/setlists?artistName=babymetal&p=1');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    const page = body as SearchBody;
    expect(page).toMatchObject({ type: 'setlists', itemsPerPage: 20, page: 1, total: 20 });
    expect(page.setlist.map((s) => s.id)).toEqual(BABYMETAL.map((s) => s.id));
    expect(page.setlist[0]).toEqual(BABYMETAL[0]); // served untouched
  });

  it('filters by artistMbid and year, 20 per page, and ignores other parameters', async () => {
    const mbid = PHISH[0]!.artist.mbid;
    const byMbid = (await get(`/rest/1.0/search/setlists?artistMbid=${mbid}&sort=x`)).body as SearchBody;
    expect(byMbid.total).toBe(20);
    const first = (await get('/rest/1.0/search/setlists?year=2017')).body as SearchBody;
    const second = (await get('/rest/1.0/search/setlists?year=2017&p=2')).body as SearchBody;
    expect([first.total, first.page, first.setlist.length]).toEqual([40, 1, 20]);
    expect([second.page, second.setlist.length]).toEqual([2, 20]);
    expect([...first.setlist, ...second.setlist].map((s) => s.id)).toEqual([...BABYMETAL, ...EDITED].map((s) => s.id));
    const both = (await get('/rest/1.0/search/setlists?artistName=Baustelle&year=2017')).body as SearchBody;
    expect(both.setlist.map((s) => s.id)).toEqual(['3be26cfc', '2be2e066']);
  });

  it("answers 404 with setlist.fm's error body when nothing matches or the page is past the end", async () => {
    for (const query of ['artistName=Nobody', 'artistName=BABYMETAL&p=2']) {
      const { status, type, body } = await get(`/rest/1.0/search/setlists?${query}`);
      expect(status).toBe(404);
      expect(type).toMatch(/^application\/json/);
      expect(body).toEqual({ code: 404, status: 'Not Found', message: 'not found', timestamp: expect.any(String) });
    }
  });

  it('requires the x-api-key header when an API key is configured', async () => {
    for (const key of [null, 'wrong-key']) {
      const { status, body } = await get('/rest/1.0/search/setlists?artistName=Phish', key);
      expect(status).toBe(403);
      expect(body).toMatchObject({ code: 403, status: 'Forbidden' });
    }
    const recorded = server.requests.filter((r) => r.source === 'setlistfm' && r.status === 403);
    expect(recorded.map((r) => r.headers['x-api-key'])).toEqual([undefined, 'wrong-key']);
  });

  it('serves one setlist by id, or 404', async () => {
    expect(await get(`/rest/1.0/setlist/${FOTOS.id}`)).toEqual({ status: 200, type: expect.any(String), body: FOTOS });
    expect((await get('/rest/1.0/setlist/nope')).status).toBe(404);
    expect((await get('/rest/1.0/artist/x/setlists')).status).toBe(404);
  });

  it('rejects a search without criteria and a bad page number with 400', async () => {
    expect((await get('/rest/1.0/search/setlists?p=1')).status).toBe(400);
    expect((await get('/rest/1.0/search/setlists?artistName=Phish&p=0')).status).toBe(400);
  });

  it('serves without a key when none is configured, and refuses a setlist without an id at start-up', async () => {
    const open = await startReplayServer({ setlistfm: { setlists: [FOTOS] } });
    try {
      expect((await fetch(`${open.urls.setlistfm}/rest/1.0/setlist/${FOTOS.id}`)).status).toBe(200);
    } finally {
      await open.close();
    }
    await expect(startReplayServer({ setlistfm: { setlists: [{ artist: { name: 'X' } }] } })).rejects.toThrow(
      /setlistfm\.setlists\[0\] is not a setlist\.fm setlist \(check id\)/,
    );
  });
});
