import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { loadCrawlerConfig, type CrawlerConfig } from '../../src/config';
import { storeParsedSetlists } from '../../src/crawl/store-page';
import { savePage } from '../../src/db/bronze';
import { createPool } from '../../src/db/pool';
import { tracklists1001Source } from '../../src/sources/1001tracklists/source';
import { mixesdbSource } from '../../src/sources/mixesdb/source';
import { mixesdbRawUrl } from '../../src/sources/mixesdb/urls';
import type { CrawlSource } from '../../src/sources/types';
import { mixesdbPagesFromCsv } from '../support/crawl-harness';
import { createTestDatabase } from '../support/test-database';

// One performance, counted once (docs/identity.md): real setlists through the crawler's real parse and store
// step. Which pairs of real pages are one set and which are not is written beside each case.
const FIXTURES = join(__dirname, 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const ESSENTIAL_MIX = Object.fromEntries(
  Object.entries(JSON.parse(fixture('essential-mix-pages.json')) as Record<string, { tracklist: string }>).map(([key, page]) => [
    decodeURIComponent(key.slice(3)).replace(/_/g, ' '),
    page.tracklist,
  ]),
);
const CSV = mixesdbPagesFromCsv();
const BICEP_1001 = '/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';
const BICEP_MIXESDB = '2023-04-28 - Bicep @ The Warehouse Project, RDM Rotterdam, Netherlands';
const DEKMANTEL = '2016-08-07 - Robert Hood @ Dekmantel Festival Day 3, Amsterdam';
const DEKMANTEL_PARTS = [1, 2].map((n) => `${DEKMANTEL} (Part ${n})`);
const API_SQL = readFileSync(join(__dirname, '../../../sql/queries/api/transition-setlists.sql'), 'utf8');

describe('performances: one DJ set counted once, whichever sources and uploads carry it', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let config: CrawlerConfig;
  const ORIGIN = 'http://127.0.0.1:9';

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool(database.url);
    config = loadCrawlerConfig({ ...process.env, DATABASE_URL: database.url, MIXESDB_BASE_URL: ORIGIN, TRACKLISTS1001_BASE_URL: ORIGIN });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  /** The crawler's store step for a page as if just fetched: bronze page, parse, identity, bronze, silver. */
  async function store(source: CrawlSource, url: string, body: string) {
    const pageId = await savePage(pool, {
      url,
      status: 200,
      contentType: 'text/plain',
      body,
      source: source.name,
      kind: 'setlist',
      crawlRunId: null,
    });
    const stored = await storeParsedSetlists(pool, source, pageId, source.parsePage({ url, body, kind: 'setlist' }, config), null);
    expect(stored.map((s) => s.status)).toEqual(['ok']);
  }
  const storeMixesdb = (title: string, wikitext: string | undefined) => {
    if (wikitext === undefined) throw new Error(`no page "${title}" at hand`);
    return store(mixesdbSource, mixesdbRawUrl(ORIGIN, title), wikitext);
  };
  const performanceOf = async (sourceId: string) => {
    const { rows } = await pool.query('SELECT performance_id FROM silver.setlists WHERE source_id = $1', [sourceId]);
    expect(rows).toHaveLength(1);
    return String(rows[0].performance_id);
  };
  const transition = async (from: string, to: string) => {
    const { rows } = await pool.query(
      `SELECT tr.from_track_id, tr.to_track_id, tr.weight, tr.setlists, tr.djs FROM silver.transitions tr
       JOIN silver.tracks f ON f.id = tr.from_track_id JOIN silver.tracks t ON t.id = tr.to_track_id
       WHERE f.track_key = $1 AND t.track_key = $2`,
      [from, to],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  };
  const plays = async (key: string) => (await pool.query('SELECT plays FROM silver.tracks WHERE track_key = $1', [key])).rows[0]?.plays;

  it('counts a set published on 1001tracklists and on MixesDB once, and lists it once with both links', async () => {
    await store(
      tracklists1001Source,
      `${ORIGIN}${BICEP_1001}`,
      readFileSync(join(__dirname, '../../src/sources/1001tracklists/fixtures/tracklist.html'), 'utf8'),
    );
    await storeMixesdb(BICEP_MIXESDB, fixture('bicep-warehouse-project-2023-04-28.wikitext'));
    expect(await performanceOf('1gz59x6t')).toBe(await performanceOf(BICEP_MIXESDB));

    const apricots = await transition('bicep|apricots|', 'barker|lookhowhardivetried|');
    expect(apricots).toMatchObject({ weight: 1, setlists: 2, djs: 1 });
    expect(await plays('bicep|apricots|')).toBe(1);
    const { rows } = await pool.query(API_SQL, [[apricots.from_track_id], [apricots.to_track_id], null, null, null]); // no lens
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].total)).toBe(1);
    expect(rows[0].sources.map((s: { sourceUrl: string }) => s.sourceUrl)).toEqual([
      `https://www.1001tracklists.com${BICEP_1001}`,
      'https://www.mixesdb.com/w/2023-04-28_-_Bicep_@_The_Warehouse_Project,_RDM_Rotterdam,_Netherlands',
    ]);
  });

  it('merges a re-upload under another title, also when the upload credits the show instead of the DJ', async () => {
    // Paul van Dyk's Essential Mix of 2000-04-23 on two MixesDB pages, one with versions and labels, one sloppier
    // ("Paul Van Dyk - Alive", "DJ Remy"): 16 rows in the same order, 62% of the shorter page.
    const pvd = ['2000-04-23 - Paul van Dyk @ Home, London, Essential Mix', '2000-04-23 - Paul van Dyk - Essential Mix'];
    for (const title of pvd) await storeMixesdb(title, ESSENTIAL_MIX[title]);
    expect(await performanceOf(pvd[0]!)).toBe(await performanceOf(pvd[1]!));
    // "+ Moloko - The Time Is Now (Acapella)" is layered over Multiply: both lead into Malice, neither into the other
    // (README "Data rules").
    expect(await transition('multiplicity|multiply|mainmix', 'pantsandcorset|maliceinwonderland|')).toMatchObject({ weight: 1 });
    expect(await transition('moloko|thetimeisnow|acapella', 'pantsandcorset|maliceinwonderland|')).toMatchObject({ weight: 1 });
    const within = await pool.query(
      `SELECT count(*)::int AS n FROM silver.transitions tr JOIN silver.tracks f ON f.id = tr.from_track_id
       JOIN silver.tracks t ON t.id = tr.to_track_id WHERE f.track_key = 'multiplicity|multiply|mainmix' AND t.track_key LIKE 'moloko|%'`,
    );
    expect(within.rows[0].n).toBe(0);
    // One mix, credited to "The Black Dog" on one page and to Robert Hood on the other: no DJ in common, but 17
    // rows in the same order, 81% of the shorter page (docs/identity-calibration.mjs).
    const blackDog = ['2008-09-09 - The Black Dog - One Hour With Robert Hood DJ Mix', '2008-09-09 - Robert Hood - The Black Dog Mix'];
    for (const title of blackDog) await storeMixesdb(title, CSV.get(title));
    expect(await performanceOf(blackDog[0]!)).toBe(await performanceOf(blackDog[1]!));
    expect(await transition('roberthood|sauna|', 'roberthood|radioactive|')).toMatchObject({ weight: 1, setlists: 2, djs: 2 });
  });

  it('joins a 2-part upload through the full set, and not with another night of the same DJ', async () => {
    const parts = DEKMANTEL_PARTS.map((title, i) => ({ title, text: fixture(`robert-hood-dekmantel-2016-part-${i + 1}.wikitext`) }));
    for (const part of parts) await storeMixesdb(part.title, part.text);
    // Two halves alone share no 3 rows: the rule cannot tell them from two sets of one day (each pair they carry
    // is in one of them only, so nothing is counted twice either way).
    expect(await performanceOf(DEKMANTEL_PARTS[0]!)).not.toBe(await performanceOf(DEKMANTEL_PARTS[1]!));

    await storeMixesdb(DEKMANTEL, CSV.get(DEKMANTEL));
    const dekmantel = await performanceOf(DEKMANTEL);
    expect(await performanceOf(DEKMANTEL_PARTS[0]!)).toBe(dekmantel);
    expect(await performanceOf(DEKMANTEL_PARTS[1]!)).toBe(dekmantel);
    // Six days later at DGTL he played 14 of these tracks, in another order: another performance.
    const dgtl = '2016-08-13 - Robert Hood @ DGTL Festival, Barcelona';
    await storeMixesdb(dgtl, CSV.get(dgtl));
    expect(await performanceOf(dgtl)).not.toBe(dekmantel);
    expect(await transition('floorplan|haya|', 'floorplan|nevergrowold|markbroomdubplatemix')).toMatchObject({ weight: 1, setlists: 2 });
    expect(await plays('floorplan|haya|')).toBe(2); // Dekmantel (full set and part 1) and DGTL

    // A set on a page of two DJs' sets is the same performance as its own page; the other DJ's pairs stay single.
    const energy = ['1996-08-10 - Robert Hood @ Energy Rave, Zurich', '1996-08-10 - Jeff Mills, Robert Hood @ Energy Rave, Zurich'];
    for (const title of energy) await storeMixesdb(title, CSV.get(title));
    expect(await performanceOf(energy[0]!)).toBe(await performanceOf(energy[1]!));
  });

  it('keeps apart different sets of one DJ on one day, and a set aired again on a later date', async () => {
    const apart = [
      // Radio show and festival set the same day: no row in common.
      ['2019-08-04 - Marcel Dettmann - Residency, BBC Radio 1', '2019-08-04 - Marcel Dettmann @ Dekmantel Festival, Amsterdam'],
      ['2003-11-22 - Luke Slater, Jesco Schuck @ Clubnight', '2003-11-22 - Luke Slater @ Groove City, Brussels'],
      // The same mix aired in 2010 and again in 2013: the rule counts a rebroadcast on a later date again.
      ['2010-05 - Marcel Dettmann - Train Wreck Mix, RBMA Radio', '2013-10-17 - Marcel Dettmann - Train Wreck Mix, RBMA Radio'],
    ];
    for (const [a, b] of apart) {
      await storeMixesdb(a!, CSV.get(a!));
      await storeMixesdb(b!, CSV.get(b!));
      expect(await performanceOf(a!)).not.toBe(await performanceOf(b!));
    }
    // Jeff Mills at Homelands: dated the 24th on its own page, the 25th on the Essential Mix page that aired it
    // (a set past midnight). Exact dates keep them apart; docs/identity.md says why that is accepted.
    const homelands = [
      '2003-05-24 - Jeff Mills @ We Love... Homelands, Matterley Bowl, Winchester, UK',
      '2003-05-25 - DJ Marky, Jeff Mills @ Homelands - Essential Mix',
    ];
    for (const title of homelands) await storeMixesdb(title, ESSENTIAL_MIX[title]);
    expect(await performanceOf(homelands[0]!)).not.toBe(await performanceOf(homelands[1]!));
  });

  it('finds no other performance of several setlists among all 257 real mixes of the sample', async () => {
    for (const [title, text] of CSV) await storeMixesdb(title, text);
    const { rows } = await pool.query(
      `SELECT array_agg(source_id ORDER BY source_id) AS setlists FROM silver.setlists
       GROUP BY performance_id HAVING count(*) > 1 ORDER BY min(source_id)`,
    );
    expect(rows.map((r) => r.setlists)).toEqual([
      ['1996-08-10 - Jeff Mills, Robert Hood @ Energy Rave, Zurich', '1996-08-10 - Robert Hood @ Energy Rave, Zurich'],
      ['1gz59x6t', BICEP_MIXESDB],
      ['2000-04-23 - Paul van Dyk - Essential Mix', '2000-04-23 - Paul van Dyk @ Home, London, Essential Mix'],
      ['2008-09-09 - Robert Hood - The Black Dog Mix', '2008-09-09 - The Black Dog - One Hour With Robert Hood DJ Mix'],
      [DEKMANTEL, ...DEKMANTEL_PARTS],
    ]);
    // weights agree with a count made here: distinct performances over the occurrences of each pair
    const { rows: check } = await pool.query(
      `SELECT count(*)::int AS wrong FROM silver.transitions tr
       WHERE tr.weight <> (SELECT count(DISTINCT s.performance_id) FROM silver.transition_occurrences o
                           JOIN silver.setlists s ON s.id = o.setlist_id
                           WHERE o.from_track_id = tr.from_track_id AND o.to_track_id = tr.to_track_id)`,
    );
    expect(check[0].wrong).toBe(0);
  });
});
