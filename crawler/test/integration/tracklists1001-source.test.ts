import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Configuration, RequestQueue, log as crawleeLog } from '@crawlee/basic';
import pino from 'pino';
import type { Pool } from 'pg';
import { loadCrawlerConfig, type CrawlerConfig } from '../../src/config';
import { savePage } from '../../src/db/bronze';
import { createPool } from '../../src/db/pool';
import { NonRetryableError, SourceStoppedError } from '../../src/errors';
import { CircuitBreaker } from '../../src/http/circuit-breaker';
import type { FetchedPage } from '../../src/http/polite-fetcher';
import { PoliteFetcher } from '../../src/http/polite-fetcher';
import { startReplayServer, type ReplayServer, type ReplayServerOptions } from '../../src/replay';
import { parse1001SearchResults } from '../../src/sources/1001tracklists/parse-search';
import { tracklists1001Source as source } from '../../src/sources/1001tracklists/source';
import type { OnSetlistPage, SetlistRef, SourceContext } from '../../src/sources/types';
import { createTestDatabase } from '../support/test-database';

// Drives the configured Chromium (CHROMIUM_PATH, default /usr/bin/chromium) against the replay server: real
// 1001tracklists tracklist pages of three layouts, the real anti-bot interstitial, search pages the replay renders
// in the shape of the real 2026 ones, and a hand-written stand-in of a real search page in that structure
// (src/sources/1001tracklists/fixtures/search/*.standin.html; the real pages were read, not copied: SOURCE.md).
const FIXTURES = join(__dirname, '../../src/sources/1001tracklists/fixtures');
const TRACKLIST_HTML = readFileSync(join(FIXTURES, 'tracklist.html'), 'utf8');
const CAPTCHA_HTML = readFileSync(join(FIXTURES, 'captcha.html'), 'utf8');
const SEARCH_STANDIN = readFileSync(join(FIXTURES, 'search/search-multi.standin.html'), 'utf8');
const TRACKLIST = '/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';
const CURBI = '/tracklist/nsgpmht/curbi-tape-06-2021-03-12.html';
const SWACQ = '/tracklist/ltk7cx9/swacq-revealed-night-q-factory-amsterdam-amsterdam-dance-event-netherlands-2018-10-20.html';
const SECOND_TRACKLIST = '/tracklist/1gz59x6u/bicep-second-copy.html';
const INTERSTITIAL = '/tracklist/2hjnqr0t/bicep-nts-radio-2022-06-16.html';
const GLUE = { id: 1, artist: 'Bicep', title: 'Glue', source: '1001tracklists' as const, attempts: 0 };

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
let storageDir: string;
const replays: ReplayServer[] = [];

async function startReplay(options: ReplayServerOptions = {}): Promise<ReplayServer> {
  const replay = await startReplayServer({
    tracklists1001: {
      pages: new Map([
        [TRACKLIST, TRACKLIST_HTML],
        [SECOND_TRACKLIST, TRACKLIST_HTML],
        [CURBI, readFileSync(join(FIXTURES, 'more/curbi-tape-06-2021-03-12.html'), 'utf8')],
        [SWACQ, readFileSync(join(FIXTURES, 'more/swacq-revealed-night-ade-2018-10-20.html'), 'utf8')],
      ]),
      // listed twice: the search must report one tracklist
      search: new Map([['Bicep Glue', [TRACKLIST, TRACKLIST]]]),
    },
    ...options,
  });
  replays.push(replay);
  return replay;
}

function contextFor(replay: ReplayServer, env: Record<string, string> = {}): SourceContext {
  const config: CrawlerConfig = loadCrawlerConfig({
    ...process.env,
    DATABASE_URL: database.url,
    TRACKLISTS1001_BASE_URL: replay.urls['1001tracklists'],
    TRACKLISTS1001_DELAY_SECONDS: '0',
    CRAWLER_STORAGE_DIR: storageDir,
    ...env,
  });
  const fetcher = new PoliteFetcher({
    source: source.name,
    userAgent: config.userAgent,
    minDelayMs: source.minDelayMs(config),
    timeoutMs: config.timeoutSeconds * 1000,
    maxRetries: 0,
    backoffBaseMs: 0,
    backoffMaxMs: 0,
    breaker: new CircuitBreaker({ threshold: config.breakerThreshold }),
  });
  return {
    config,
    pool,
    logger: pino({ level: 'silent' }),
    fetcher,
    crawlRunId: null,
    savePage: (page, kind) => savePage(pool, { ...page, source: source.name, kind, crawlRunId: null }),
  };
}

/** Runs the source's setlist crawler over `refs` with a request queue of its own. */
async function crawl(
  context: SourceContext,
  refs: SetlistRef[],
  onPage: OnSetlistPage,
  onFailure?: (ref: SetlistRef, error: Error) => void,
) {
  const configuration = new Configuration({
    persistStorage: false,
    purgeOnStart: true,
    storageClientOptions: { localDataDirectory: storageDir },
  });
  const requestQueue = await RequestQueue.open(`t1001-${randomUUID()}`, { config: configuration });
  const crawler = source.createSetlistCrawler({ context, configuration, requestQueue, onPage, onFailure });
  await crawler.addRequests(refs.map((ref) => ({ url: ref.url, userData: { ref } })));
  await crawler.run();
}

const refOn = (replay: ReplayServer, path: string): SetlistRef => ({ url: `${replay.urls['1001tracklists']}${path}`, label: path });
const pathsRequested = (replay: ReplayServer) => replay.requests.map((r) => `${r.method} ${r.path}`);

beforeAll(async () => {
  crawleeLog.setLevel(crawleeLog.LEVELS.OFF);
  database = await createTestDatabase();
  pool = createPool(database.url);
  storageDir = mkdtempSync(join(tmpdir(), 'songnodes-1001tl-'));
});

afterAll(async () => {
  await Promise.all(replays.map((replay) => replay.close()));
  await pool.end();
  await database.drop();
  rmSync(storageDir, { recursive: true, force: true });
});

describe('1001tracklists source in Chromium', () => {
  it('searches artist and title together in the browser and keeps the search page as evidence', async () => {
    const replay = await startReplay();
    const context = contextFor(replay);
    const outcome = await source.search(GLUE, context, 25);
    expect(outcome).toEqual({
      resultsFound: 1,
      refs: [
        {
          url: `${replay.urls['1001tracklists']}${TRACKLIST}`,
          label: 'Bicep - The Warehouse Project, RDM Rotterdam, Netherlands 2023-04-28',
        },
      ],
      inline: [],
    });

    const searches = replay.requests.filter((r) => r.path === '/search/result.php');
    expect(searches).toHaveLength(1);
    expect(searches[0]?.query.main_search).toBe('Bicep Glue');
    expect(searches[0]?.headers['user-agent']).toBe(context.config.userAgent);
    const stored = await pool.query(`SELECT kind, http_status, body FROM bronze.pages WHERE url LIKE '%/search/result.php%'`);
    expect(stored.rows).toEqual([
      expect.objectContaining({ kind: 'search', http_status: 200, body: expect.stringContaining('class="bItm action oItm"') }),
    ]);
    expect((await source.search(GLUE, context, 0)).refs).toEqual([]);
  });

  it('reads a search page of the real 2026 structure as Chromium renders it: the cards up to the cap, the stated total', async () => {
    const replay = await startReplay({
      faults: [
        {
          source: '1001tracklists',
          match: '/search/result.php',
          kind: 'body',
          body: SEARCH_STANDIN,
          status: 200,
          contentType: 'text/html; charset=utf-8',
        },
      ],
    });
    const context = contextFor(replay);
    const origin = replay.urls['1001tracklists'];
    const outcome = await source.search(GLUE, context, 4);
    // the header states 1000 results in all; six cards are on this first page, four are kept (the cap)
    expect(outcome.resultsFound).toBe(1000);
    expect(outcome.refs).toEqual([
      {
        url: `${origin}/tracklist/2v81kd4t/kestrel-ray-the-warehouse-project-depot-mayfield-united-kingdom-2025-11-22.html`,
        label: 'Kestrel Ray @ The Warehouse Project, Depot Mayfield, United Kingdom 2025-11-22',
      },
      {
        url: `${origin}/tracklist/1qz7mw0k/kestrel-ray-night-shift-radio-112-2025-11-14.html`,
        label: 'Kestrel Ray - Night Shift Radio 112 2025-11-14',
      },
      {
        url: `${origin}/tracklist/wd4n8r2/kestrel-ray-lumen-arc-warehouse-sessions-fabrik-madrid-spain-2025-10-04.html`,
        label: 'Kestrel Ray & Lumen Arc @ Warehouse Sessions, Fabrik Madrid, Spain 2025-10-04',
      },
      {
        url: `${origin}/tracklist/ky5g2hp/kestrel-ray-warehouse-rave-zurich-switzerland-2025-08-09.html`,
        label: 'Kestrel Ray @ Warehouse Rave, Zürich, Switzerland 2025-08-09',
      },
    ]);

    // The page kept as evidence is Chromium's DOM; it still holds the tlData script, so it reads as the page sent.
    const stored = await pool.query(`SELECT body FROM bronze.pages WHERE kind = 'search' AND url LIKE $1`, [`${origin}%`]);
    expect(stored.rows).toHaveLength(1);
    const fromBrowser = parse1001SearchResults(stored.rows[0].body, origin);
    expect(fromBrowser.results).toHaveLength(6);
    expect(fromBrowser).toEqual(parse1001SearchResults(SEARCH_STANDIN, origin));
    expect(fromBrowser.results[0]).toMatchObject({ views: 2291, likes: 9 });
  });

  it('loads a tracklist page in the browser and hands onPage a page the parser reads in full', async () => {
    const replay = await startReplay();
    const context = contextFor(replay);
    const pages: FetchedPage[] = [];
    await crawl(context, [refOn(replay, TRACKLIST)], async (_ref, page) => void pages.push(page));

    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ url: refOn(replay, TRACKLIST).url, status: 200, contentType: 'text/html' });
    const [setlist] = source.parsePage({ ...pages[0]!, kind: 'setlist' }, context.config);
    expect(setlist?.status).toBe('ok');
    // the identity is the page's canonical URL, never the replay origin it was loaded from
    expect(setlist).toMatchObject({ sourceId: '1gz59x6t', sourceUrl: `https://www.1001tracklists.com${TRACKLIST}` });
    const rows = setlist?.parts.flatMap((part) => part.rows) ?? [];
    expect(rows).toHaveLength(22);
    expect(rows.filter((row) => row.unidentified)).toHaveLength(6);
    expect(source.parsePage({ ...pages[0]!, kind: 'search' }, context.config)).toEqual([]);
    const load = replay.requests.find((r) => r.path === TRACKLIST);
    expect(load?.headers['user-agent']).toBe(context.config.userAgent);
  });

  it('reads the 2021 page with mashup parts and the 2018 table layout as Chromium renders them, every row', async () => {
    const replay = await startReplay();
    const context = contextFor(replay);
    const pages = new Map<string, FetchedPage>();
    await crawl(context, [refOn(replay, CURBI), refOn(replay, SWACQ)], async (ref, page) => void pages.set(ref.label, page));

    const [curbi] = source.parsePage({ ...pages.get(CURBI)!, kind: 'setlist' }, context.config);
    expect(curbi).toMatchObject({ status: 'ok', sourceId: 'nsgpmht', sourceUrl: `https://www.1001tracklists.com${CURBI}` });
    const curbiRows = curbi?.parts.flatMap((part) => part.rows) ?? [];
    expect(curbiRows).toHaveLength(31);
    expect(curbiRows.flatMap((row, index) => (row.layered ? [index] : []))).toEqual([2, 3, 13, 14]);
    expect(curbiRows[9]).toMatchObject({ title: 'Midnight Sky', version: 'ID Remix' });

    const [swacq] = source.parsePage({ ...pages.get(SWACQ)!, kind: 'setlist' }, context.config);
    expect(swacq).toMatchObject({ status: 'ok', sourceId: 'ltk7cx9', date: '2018-10-20' });
    const swacqRows = swacq?.parts.flatMap((part) => part.rows) ?? [];
    expect(swacqRows.map((row) => row.raw)).toHaveLength(9);
    expect(swacqRows[6]).toMatchObject({ raw: 'ID - ID', unidentified: true });
    expect(swacqRows[5]).toMatchObject({ title: 'Mi Gente', version: 'ID Remix' });
  });

  it('stops the crawl at the anti-bot interstitial: the page reads as blocked and nothing else is loaded', async () => {
    // The interstitial posts itself back; answering that POST with the interstitial again means the check failed.
    const replay = await startReplay({
      faults: [
        {
          source: '1001tracklists',
          match: INTERSTITIAL,
          kind: 'body',
          body: CAPTCHA_HTML,
          status: 200,
          contentType: 'text/html; charset=utf-8',
        },
      ],
    });
    const context = contextFor(replay);
    const statuses: string[] = [];
    const onPage: OnSetlistPage = async (ref, page) => {
      const [setlist] = source.parsePage({ ...page, kind: 'setlist' }, context.config);
      statuses.push(setlist?.status ?? 'none');
      if (setlist?.status === 'blocked') throw new SourceStoppedError(source.name, `blocked at ${ref.url}`);
    };

    await expect(crawl(context, [refOn(replay, INTERSTITIAL), refOn(replay, SECOND_TRACKLIST)], onPage)).rejects.toThrow(/blocked at/);
    expect(statuses).toEqual(['blocked']);
    // One GET, the two self-forwards the guard allows, then nothing: no loop, no further tracklist.
    expect(pathsRequested(replay).filter((p) => p.includes('/tracklist/'))).toEqual([
      `GET ${INTERSTITIAL}`,
      `POST ${INTERSTITIAL}`,
      `POST ${INTERSTITIAL}`,
    ]);
  });

  it('follows the interstitial to the tracklist when the browser passes its check', async () => {
    // Faults answer in order: the GET gets the interstitial, its own POST forward gets the tracklist.
    const replay = await startReplay({
      faults: [
        { source: '1001tracklists', match: INTERSTITIAL, kind: 'body', body: CAPTCHA_HTML, times: 1 },
        {
          source: '1001tracklists',
          match: INTERSTITIAL,
          kind: 'body',
          body: TRACKLIST_HTML,
          status: 200,
          contentType: 'text/html; charset=utf-8',
          times: 1,
        },
      ],
    });
    const context = contextFor(replay);
    const pages: FetchedPage[] = [];
    await crawl(context, [refOn(replay, INTERSTITIAL)], async (_ref, page) => void pages.push(page));

    const [setlist] = source.parsePage({ ...pages[0]!, kind: 'setlist' }, context.config);
    expect(setlist?.status).toBe('ok');
    expect(setlist?.parts[0]?.rows).toHaveLength(22);
    expect(pathsRequested(replay).filter((p) => p.includes('/tracklist/'))).toEqual([`GET ${INTERSTITIAL}`, `POST ${INTERSTITIAL}`]);
  });

  it('stops the source when the search page itself is the interstitial, after storing it', async () => {
    const replay = await startReplay({
      // the interstitial's form posts to the page it was captured on: answer that forward with it too
      faults: [
        {
          source: '1001tracklists',
          match: /\/search\/result\.php|\/tracklist\/2hjnqr0t\//,
          kind: 'body',
          body: CAPTCHA_HTML,
          status: 200,
          contentType: 'text/html; charset=utf-8',
        },
      ],
    });
    const context = contextFor(replay);
    await expect(source.search(GLUE, context, 25)).rejects.toBeInstanceOf(SourceStoppedError);
    const stored = await pool.query(`SELECT body FROM bronze.pages WHERE kind = 'search' AND url LIKE $1`, [
      `${replay.urls['1001tracklists']}%`,
    ]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].body).toContain('name="captcha"');
  });

  it('spaces page loads by the configured delay across the search and the setlist crawler', async () => {
    const replay = await startReplay();
    const context = contextFor(replay, { TRACKLISTS1001_DELAY_SECONDS: '1' });
    const { refs } = await source.search(GLUE, context, 25);
    await crawl(context, refs, async () => undefined);
    const search = replay.requests.find((r) => r.path === '/search/result.php');
    const tracklist = replay.requests.find((r) => r.path === TRACKLIST);
    // The delay runs from the moment the browser releases a document request; a cold browser then still takes
    // a few tens of ms to connect, so the arrivals the replay logs may be that much closer together.
    expect(tracklist!.at - search!.at).toBeGreaterThanOrEqual(900);
  });

  it('navigates nowhere that robots.txt disallows', async () => {
    const replay = await startReplay({ robots: { '1001tracklists': 'User-agent: *\nDisallow: /tracklist/\nDisallow: /search/\n' } });
    const context = contextFor(replay);
    await expect(source.search(GLUE, context, 25)).rejects.toBeInstanceOf(NonRetryableError);
    const onPage = jest.fn(async () => undefined);
    const failures: string[] = [];
    await crawl(context, [refOn(replay, TRACKLIST)], onPage, (_ref, error) => failures.push(error.message));

    expect(onPage).not.toHaveBeenCalled();
    expect(failures).toEqual([expect.stringMatching(/robots\.txt .* disallows/)]);
    expect(pathsRequested(replay)).toEqual(['GET /robots.txt']);
  });
});
