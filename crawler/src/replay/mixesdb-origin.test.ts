import { startReplayServer } from './server';
import type { ReplayServer } from './types';

interface SearchHit {
  ns: number;
  title: string;
  pageid: number;
  size: number;
  wordcount: number;
  snippet: string;
  timestamp: string;
}
interface SearchBody {
  batchcomplete?: string;
  continue?: { sroffset: number; continue: string };
  query: {
    searchinfo: { totalhits: number };
    search: SearchHit[];
  };
}

const KLOCK = '2017-10-22 - Ben Klock @ Awakenings x Klockworks, Gashouder, ADE';
const HAWTIN = '2006-08-16 - Richie Hawtin @ Cocorico';
const HOOD = '2010-01-01 - Robert Hood @ Berghain';

// Tiny hand-written pages in MixesDB's wikitext layout; the Klock page writes the separator as an en dash.
const PAGES = new Map([
  [KLOCK, '== Tracklist ==\n# [00] Ben Klock - Subzero [Ostgut Ton - O-TON 07]\n# [05] Robert Hood – Minus [M-Plant]'],
  [HAWTIN, '== Tracklist ==\n;Part 1\n# Âme - Rej [Innervisions]\n# Plastikman - Spastik [Plus 8]\n'],
  [HOOD, '== Tracklist ==\n# Robert  Hood - Minus [M-Plant]\n'],
  ['Ben Klock', 'Artist page'],
  ...Array.from({ length: 12 }, (_, i): [string, string] => [
    `2020-01-${String(i + 1).padStart(2, '0')} - Loop DJ @ Club`,
    '== Tracklist ==\n# Loop DJ - Loop Tool\n',
  ]),
]);

let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer({ mixesdb: { pages: PAGES } });
});

afterAll(async () => {
  await server.close();
});

async function search(params: Record<string, string>): Promise<{ status: number; headers: Headers; body: SearchBody }> {
  const query = new URLSearchParams({ action: 'query', list: 'search', format: 'json', ...params });
  const response = await fetch(`${server.urls.mixesdb}/w/api.php?${query}`);
  return { status: response.status, headers: response.headers, body: (await response.json()) as SearchBody };
}

async function apiError(query: string): Promise<unknown> {
  const response = await fetch(`${server.urls.mixesdb}/w/api.php?${query}`);
  expect(response.status).toBe(200); // MediaWiki reports API errors in the body, with HTTP 200
  return response.json();
}

const titlesOf = (body: SearchBody): string[] => body.query.search.map((hit) => hit.title);

describe('MixesDB replay: search', () => {
  it('finds insource phrases whether the page writes " - " or an en dash, case- and space-insensitively', async () => {
    const { body } = await search({ srsearch: 'insource:"Robert Hood - Minus"' });
    expect(titlesOf(body)).toEqual([HOOD, KLOCK]); // ordered by title
    expect(body.query.searchinfo.totalhits).toBe(2);
    expect(body.continue).toBeUndefined();
    expect(titlesOf((await search({ srsearch: 'insource:"robert hood  –  MINUS"' })).body)).toEqual([HOOD, KLOCK]);
    expect(titlesOf((await search({ srsearch: 'insource:"Hood - Subzero"' })).body)).toEqual([]);
  });

  it('matches plain words in the title or text, ignoring case and diacritics', async () => {
    expect(titlesOf((await search({ srsearch: 'ame REJ' })).body)).toEqual([HAWTIN]);
    expect(titlesOf((await search({ srsearch: 'Ben Klock Gashouder' })).body)).toEqual([KLOCK]);
    expect(titlesOf((await search({ srsearch: 'Klock Cocorico' })).body)).toEqual([]);
  });

  it('pages with srlimit/sroffset and a continue object until the last page', async () => {
    const first = await search({ srsearch: 'Loop DJ', srlimit: '5' });
    expect(first.body.batchcomplete).toBe('');
    expect(first.body.continue).toEqual({ sroffset: 5, continue: '-||' });
    expect(first.body.query.searchinfo.totalhits).toBe(12);
    const second = await search({ srsearch: 'Loop DJ', srlimit: '5', sroffset: '5' });
    expect(second.body.continue).toEqual({ sroffset: 10, continue: '-||' });
    const last = await search({ srsearch: 'Loop DJ', srlimit: '5', sroffset: '10' });
    expect(last.body.continue).toBeUndefined();
    const all = [first, second, last].flatMap(({ body }) => titlesOf(body));
    expect(all).toHaveLength(12);
    expect(all).toEqual([...all].sort());
    expect(titlesOf((await search({ srsearch: 'Loop DJ' })).body)).toHaveLength(10); // default srlimit
  });

  it('clamps srlimit to 50', async () => {
    const bulk = await startReplayServer({
      mixesdb: { pages: new Map(Array.from({ length: 55 }, (_, i) => [`Bulk ${String(i).padStart(2, '0')}`, 'x'])) },
    });
    try {
      const query = 'action=query&list=search&srsearch=bulk&format=json&srlimit=500';
      const response = await fetch(`${bulk.urls.mixesdb}/w/api.php?${query}`);
      const body = (await response.json()) as SearchBody;
      expect(body.query.search).toHaveLength(50);
      expect(body.continue?.sroffset).toBe(50);
    } finally {
      await bulk.close();
    }
  });

  it('answers hits in the MediaWiki shape', async () => {
    const { headers, body } = await search({ srsearch: 'insource:"Plastikman - Spastik"' });
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body.query.search[0]).toEqual({
      ns: 0,
      title: HAWTIN,
      pageid: expect.any(Number),
      size: Buffer.byteLength(PAGES.get(HAWTIN)!),
      wordcount: 16,
      snippet: expect.stringContaining('Plastikman - Spastik'),
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
  });

  it('answers bad requests with the MediaWiki error shape and HTTP 200', async () => {
    expect(await apiError('list=search&srsearch=x&format=json')).toEqual({
      error: { code: 'missingparam', info: 'The "action" parameter must be set.' },
    });
    expect(await apiError('action=parse&format=json')).toEqual({
      error: { code: 'badvalue', info: 'Unrecognized value for parameter "action": parse.' },
    });
    expect(await apiError('action=query&list=search&format=json')).toMatchObject({ error: { code: 'missingparam' } });
    expect(await apiError('action=query&list=search&srsearch=x&srlimit=ten')).toMatchObject({
      error: { code: 'badinteger', info: 'Invalid value "ten" for integer parameter "srlimit".' },
    });
    const response = await fetch(`${server.urls.mixesdb}/w/api.php?action=query&list=allpages`);
    expect(response.headers.get('mediawiki-api-error')).toBe('badvalue');
  });
});

describe('MixesDB replay: raw wikitext', () => {
  const raw = (title: string): Promise<Response> => fetch(`${server.urls.mixesdb}/w/index.php?title=${title}&action=raw`);

  it('serves the wikitext for every title spelling MediaWiki accepts', async () => {
    const spellings = [
      encodeURIComponent(KLOCK.replace(/ /g, '_')),
      encodeURIComponent(KLOCK), // spaces as %20
      new URLSearchParams({ t: KLOCK }).toString().slice('t='.length), // spaces as +
      encodeURIComponent(`  ${KLOCK.replace(/ /g, '__')} `), // runs of spaces/underscores collapse, ends trimmed
    ];
    for (const spelling of spellings) {
      const response = await raw(spelling);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/x-wiki; charset=UTF-8');
      expect(await response.text()).toBe(PAGES.get(KLOCK));
    }
  });

  it('ignores the case of the first letter only', async () => {
    expect(await (await raw('ben_Klock')).text()).toBe('Artist page');
    expect((await raw('ben_klock')).status).toBe(404);
  });

  it('answers 404 for a missing page and 400 for anything but action=raw', async () => {
    expect((await raw('No_such_mix')).status).toBe(404);
    expect((await fetch(`${server.urls.mixesdb}/w/index.php?title=${encodeURIComponent(HOOD)}`)).status).toBe(400);
    expect((await fetch(`${server.urls.mixesdb}/wiki/Main_Page`)).status).toBe(404);
  });

  it('serves a page replaced at run time, keeping its page id', async () => {
    const before = (await search({ srsearch: 'insource:"Plastikman - Spastik"' })).body.query.search[0]!;
    server.setMixesdbPage(HAWTIN.replace(/ /g, '_'), '== Tracklist ==\n# Plastikman - Sheet One [Plus 8]\n');
    expect(await (await raw(encodeURIComponent(HAWTIN))).text()).toContain('Sheet One');
    expect(titlesOf((await search({ srsearch: 'insource:"Plastikman - Spastik"' })).body)).toEqual([]);
    const after = (await search({ srsearch: 'insource:"Plastikman - Sheet One"' })).body.query.search[0]!;
    expect(after).toMatchObject({ title: HAWTIN, pageid: before.pageid });
    server.setMixesdbPage('new page', 'fresh');
    expect(await (await raw('New_page')).text()).toBe('fresh');
  });
});
