import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { normalise1001Query, renderSearchResultsPage } from './1001tracklists-origin';
import { startReplayServer } from './server';
import type { ReplayServer } from './types';

const readFixture = (name: string): string => readFileSync(join(__dirname, '..', 'sources', '1001tracklists', 'fixtures', name), 'utf8');

const BICEP_PATH = '/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';
const SYNTHETIC_PATH = '/tracklist/test0001/test-dj-other-dj-test-festival-2024-07-20.html';
const BICEP_HTML = readFixture('tracklist.html');

let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer({
    tracklists1001: {
      pages: new Map([
        [BICEP_PATH, BICEP_HTML],
        [SYNTHETIC_PATH, readFixture('synthetic-cues-w-mashup.html')],
      ]),
      // Keys are normalised by the server, so a test may write them as a user would type them.
      search: new Map([
        ['Bicep', [BICEP_PATH, SYNTHETIC_PATH, '/tracklist/unstored/x.html']],
        ['Röyksopp  Melody', []],
      ]),
    },
  });
});

afterAll(async () => {
  await server.close();
});

/** The cards of a replayed search page, read the way the real page's cards are read (see parse-search.ts). */
async function searchLinks(query: string): Promise<{ href: string; text: string; date: string }[]> {
  const params = new URLSearchParams({ main_search: query, search_selection: '9' });
  const response = await fetch(`${server.urls['1001tracklists']}/search/result.php?${params}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const $ = cheerio.load(await response.text());
  return $('#csMiddle div.bItm.oItm')
    .toArray()
    .map((card) => ({
      href: $(card).find('.bTitle a').attr('href') ?? '',
      text: $(card).find('.bTitle a').text(),
      date: $(card).find('[title="tracklist date"]').text(),
    }));
}

/** What the crawler's parser relies on in a search page (parse-search.ts), element by element. */
function pageShape(html: string) {
  const $ = cheerio.load(html);
  const middle = $('#csMiddle');
  const header = middle.find('.bItmH').filter((_, element) => $(element).text().startsWith('Tracklists search result for "'));
  return {
    header: header.length === 1 && /^\d+$/.test(header.children('span.badge.spL').text()),
    help: middle.find('h1').text() === 'Welcome to 1001Tracklists Search!',
    cards: middle
      .find('div.bItm.action.oItm')
      .toArray()
      .map((card) => {
        const href = $(card).find('.bTitle a').attr('href') ?? '';
        const id = /^\/tracklist\/([^/]+)\//.exec(href)?.[1];
        return {
          idsAgree: id !== undefined && $(card).attr('data-id') === id && $(card).attr('id') === id,
          opensItsLink: $(card).attr('onclick') === `window.open('${href}', '_self');`,
          dated: /^\d{4}-\d{2}-\d{2}$/.test($(card).find('[title="tracklist date"]').text()),
        };
      }),
  };
}

describe('1001tracklists replay', () => {
  it('serves a stored page by its path, byte for byte', async () => {
    const response = await fetch(`${server.urls['1001tracklists']}${BICEP_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(BICEP_HTML);
  });

  it('lists search results as cards titled and dated from the stored pages, whatever the query case or accents', async () => {
    const expected = [
      { href: BICEP_PATH, text: 'Bicep - The Warehouse Project, RDM Rotterdam, Netherlands', date: '2023-04-28' },
      { href: SYNTHETIC_PATH, text: 'Test DJ & Other DJ - Test Festival, Main Stage, Belgium', date: '2024-07-20' },
      { href: '/tracklist/unstored/x.html', text: '/tracklist/unstored/x.html', date: '' },
    ];
    expect(await searchLinks('bicep')).toEqual(expected);
    expect(await searchLinks('  BÎCEP ')).toEqual(expected);
  });

  it('answers a search without stored results with an empty results page', async () => {
    expect(await searchLinks('royksopp melody')).toEqual([]);
    expect(await searchLinks('nobody at all')).toEqual([]);
  });

  it('answers unknown paths with a 404 HTML page', async () => {
    const response = await fetch(`${server.urls['1001tracklists']}/tracklist/nope/missing.html`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('Page not found');
  });

  it('renders the shape of the real pages, as the hand-written stand-ins of them have it', () => {
    // fixtures/search/*.standin.html follow real 2026 pages read (not copied) from a public repository.
    const replayed = renderSearchResultsPage('Nadia Voss', [
      {
        path: '/tracklist/x7q2k9p/nadia-voss-hangar-9-rotterdam-netherlands-2025-03-15.html',
        title: 'Nadia Voss @ Hangar 9, Rotterdam, Netherlands',
        date: '2025-03-15',
      },
    ]);
    expect(pageShape(replayed)).toEqual(pageShape(readFixture('search/search-result.standin.html')));
    expect(pageShape(replayed)).toEqual({ header: true, help: false, cards: [{ idsAgree: true, opensItsLink: true, dated: true }] });
    expect(pageShape(renderSearchResultsPage('nothing', []))).toEqual(pageShape(readFixture('search/search-no-result.standin.html')));
    expect(pageShape(renderSearchResultsPage('nothing', []))).toEqual({ header: false, help: true, cards: [] });
  });

  it('normalises queries and escapes titles in the results markup', () => {
    expect(normalise1001Query('  Âme   & Dixon ')).toBe('ame & dixon');
    const page = renderSearchResultsPage('a<b', [{ path: '/tracklist/x"y/z.html', title: 'A & <B>' }]);
    expect(page).toContain('<a href="/tracklist/x&#34;y/z.html" class="">A &#38; &#60;B&#62;</a>');
    expect(page).toContain('Tracklists search result for "a&#60;b"<span class="badge spL">1</span>');
  });
});
