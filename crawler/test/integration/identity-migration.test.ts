import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { Client, type Pool } from 'pg';
import { loadCrawlerConfig } from '../../src/config';
import { reparseBronze } from '../../src/crawl/reparse';
import { storeParsedSetlists } from '../../src/crawl/store-page';
import { savePage } from '../../src/db/bronze';
import { createPool } from '../../src/db/pool';
import type { ParsedSetlist } from '@songnodes/parsing';
import { startReplayServer, type ReplayServer } from '../../src/replay';
import { tracklists1001Source } from '../../src/sources/1001tracklists/source';
import { mixesdbSource } from '../../src/sources/mixesdb/source';
import { mixesdbRawUrl } from '../../src/sources/mixesdb/urls';
import { setlistfmSource } from '../../src/sources/setlistfm/source';
import type { CrawlSource } from '../../src/sources/types';
import { mixesdbPagesFromCsv } from '../support/crawl-harness';
import { storeLegacy } from '../support/legacy-0006-store';
import { createTestDatabase } from '../support/test-database';

// Migration 0007 on a database the crawler filled before setlists had their source's identity: built at migration
// 0006, written the old way (legacy-0006-store.ts) from real pages fetched through the replay server at two ports,
// then migrated. It must end where the new crawler would have started — and a reparse after it must change nothing.
const SUNWAVES = '2011-08-13 - Raresh & Praslea @ Sunwaves 10, Romania (DanceTrippin TV 241)';
const LAGOA = "1998-10-09 - Luke Slater @ LaGoa's 8th Anniversary, LaGoa, Menen, Belgium";
const BICEP = '/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';
const BICEP_HTML = readFileSync(join(__dirname, '../../src/sources/1001tracklists/fixtures/tracklist.html'), 'utf8');
const PHISH = JSON.parse(readFileSync(join(__dirname, '../../src/sources/setlistfm/fixtures/phish-setlists-response.json'), 'utf8')) as {
  setlist: unknown[];
};

function migrateTo(databaseUrl: string, count: number | 'all'): string[] {
  const out = execFileSync('node', [join(__dirname, '../support/migrate-to.mjs'), databaseUrl, String(count)], { encoding: 'utf8' });
  return out === '' ? [] : out.split(',');
}

async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `${url.pathname}_m${randomUUID().slice(0, 8)}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await run(`CREATE DATABASE "${url.pathname.slice(1)}"`);
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`) };
}

/** The MixesDB page URL the crawler built before 0007 (it kept "'" and "&" and did not touch ";:$"). */
const oldMixesdbPageUrl = (base: string, title: string) =>
  `${base}/w/${encodeURIComponent(title.replace(/ /g, '_')).replace(/%(2F|40|2C)/gi, (code) => decodeURIComponent(code))}`;

interface Fetched {
  source: CrawlSource;
  url: string;
  kind: 'setlist' | 'search';
  body: string;
}

/** Everything silver holds, by identity keys rather than ids, to compare two databases. */
async function silverState(pool: Pool) {
  const q = async (sql: string) => (await pool.query(sql)).rows;
  return {
    setlists: await q(`SELECT source, source_id, source_url, title, date::text, content_sha256, track_count
                       FROM silver.setlists ORDER BY source, source_id`),
    transitions: await q(`SELECT f.track_key AS from_key, t.track_key AS to_key, tr.weight, tr.setlists, tr.djs, tr.occurrences
                          FROM silver.transitions tr JOIN silver.tracks f ON f.id = tr.from_track_id JOIN silver.tracks t ON t.id = tr.to_track_id
                          WHERE tr.weight > 0 ORDER BY 1, 2`),
    plays: await q(`SELECT track_key, plays FROM silver.tracks WHERE plays > 0 ORDER BY 1`),
  };
}

describe('migration 0007: stored setlists move from their fetch origins to their source identity', () => {
  const replays: ReplayServer[] = [];
  const pages = mixesdbPagesFromCsv();
  let legacyDb: Awaited<ReturnType<typeof emptyDatabase>>;
  let freshDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let legacy: Pool;
  let fresh: Pool;
  const fetched: Fetched[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      replays.push(
        await startReplayServer({
          mixesdb: { pages },
          tracklists1001: { pages: new Map([[BICEP, BICEP_HTML]]) },
          setlistfm: { setlists: PHISH.setlist, apiKey: 'k' },
        }),
      );
    }
    const [a, b] = replays as [ReplayServer, ReplayServer];
    const get = async (source: CrawlSource, url: string, kind: Fetched['kind']) => {
      const response = await fetch(url, { headers: { 'x-api-key': 'k', accept: 'application/json' } });
      expect(response.status).toBe(200);
      fetched.push({ source, url, kind, body: await response.text() });
    };
    // The same mix through both origins (two silver setlists before 0007), another through one, a 1001tracklists
    // page and a setlist.fm search page (its setlists carry setlist.fm's own URLs already).
    await get(mixesdbSource, mixesdbRawUrl(a.urls.mixesdb, SUNWAVES), 'setlist');
    await get(mixesdbSource, mixesdbRawUrl(b.urls.mixesdb, SUNWAVES), 'setlist');
    await get(mixesdbSource, mixesdbRawUrl(a.urls.mixesdb, LAGOA), 'setlist');
    await get(tracklists1001Source, `${a.urls['1001tracklists']}${BICEP}`, 'setlist');
    await get(setlistfmSource, `${a.urls.setlistfm}/rest/1.0/search/setlists?artistName=Phish&p=1`, 'search');

    legacyDb = await emptyDatabase();
    expect(migrateTo(legacyDb.url, 6)).toEqual(expect.arrayContaining(['0006_sync_change_tracking']));
    legacy = createPool(legacyDb.url);
    freshDb = await createTestDatabase();
    fresh = createPool(freshDb.url);
  });

  afterAll(async () => {
    await Promise.all(replays.map((r) => r.close()));
    await legacy.end();
    await fresh.end();
    await legacyDb.drop();
    await freshDb.drop();
  });

  const configOn = (base: string) =>
    loadCrawlerConfig({
      ...process.env,
      DATABASE_URL: legacyDb.url,
      MIXESDB_BASE_URL: base,
      TRACKLISTS1001_BASE_URL: base,
      SETLISTFM_BASE_URL: base,
    });
  /** What the crawler took from each fetched page: the setlist of a setlist page, two shows of the search page. */
  const parsesOf = (page: Fetched): ParsedSetlist[] => {
    const parsed = page.source.parsePage(page, configOn(new URL(page.url).origin)).slice(0, page.kind === 'search' ? 2 : 1);
    for (const setlist of parsed) {
      expect(setlist.status).toBe('ok');
      // a layered row would change the content hash once (0008): these pages have none, so nothing may change
      expect(setlist.parts.flatMap((p) => p.rows).filter((r) => r.layered)).toEqual([]);
    }
    return parsed;
  };

  it('finds, before migrating, the mix fetched through two origins stored twice under replay URLs', async () => {
    for (const page of fetched) {
      const pageId = await savePage(legacy, {
        url: page.url,
        status: 200,
        contentType: 'text/plain',
        body: page.body,
        source: page.source.name,
        kind: page.kind,
        crawlRunId: null,
      });
      for (const parsed of parsesOf(page)) {
        // What the 0006 parsers stored as the URL: MixesDB its page URL on the fetch origin, 1001tracklists the URL
        // the page was fetched from (today's parser reads the page's canonical URL instead), setlist.fm its own.
        const title = page.source === mixesdbSource ? parsed.sourceId! : null;
        const sourceUrl =
          title !== null
            ? oldMixesdbPageUrl(new URL(page.url).origin, title)
            : page.source.name === '1001tracklists'
              ? page.url
              : parsed.sourceUrl;
        await storeLegacy(legacy, pageId, { ...parsed, sourceUrl }, page.source.parserVersion);
      }
    }
    const { rows } = await legacy.query('SELECT source, source_url FROM silver.setlists ORDER BY id');
    expect(rows.map((r) => r.source)).toEqual(['mixesdb', 'mixesdb', 'mixesdb', '1001tracklists', 'setlistfm', 'setlistfm']);
    expect(rows.slice(0, 4).map((r) => r.source_url.startsWith('http://127.0.0.1:'))).toEqual([true, true, true, true]);
    const doubled = await legacy.query('SELECT count(*)::int AS n FROM silver.transitions WHERE weight = 2');
    expect(doubled.rows[0].n).toBeGreaterThan(0);
  });

  it('rewrites bronze and silver to canonical identities, merges the copies, and ends where the new crawler starts', async () => {
    // 0007-0009 are this test's; later migrations (sync instances, imports, …) may follow them.
    expect(migrateTo(legacyDb.url, 'all').slice(0, 3)).toEqual(['0007_setlist_identity', '0008_layered_rows', '0009_performances']);

    const silver = await legacy.query('SELECT source, source_id, source_url FROM silver.setlists ORDER BY source, source_id');
    expect(silver.rows).toEqual([
      {
        source: '1001tracklists',
        source_id: '1gz59x6t',
        source_url: `https://www.1001tracklists.com${BICEP}`,
      },
      {
        source: 'mixesdb',
        source_id: LAGOA,
        source_url: 'https://www.mixesdb.com/w/1998-10-09_-_Luke_Slater_@_LaGoa%27s_8th_Anniversary,_LaGoa,_Menen,_Belgium',
      },
      {
        source: 'mixesdb',
        source_id: SUNWAVES,
        source_url: 'https://www.mixesdb.com/w/2011-08-13_-_Raresh_%26_Praslea_@_Sunwaves_10,_Romania_(DanceTrippin_TV_241)',
      },
      {
        source: 'setlistfm',
        source_id: '235d0827',
        source_url: 'https://www.setlist.fm/setlist/phish/2025/hollywood-bowl-los-angeles-ca-235d0827.html',
      },
      {
        source: 'setlistfm',
        source_id: '3b5d0820',
        source_url: 'https://www.setlist.fm/setlist/phish/2025/hollywood-bowl-los-angeles-ca-3b5d0820.html',
      },
    ]);
    const bronze = await legacy.query(
      `SELECT p.url, s.source_id, s.source_url FROM bronze.setlists s JOIN bronze.pages p ON p.id = s.page_id ORDER BY s.id`,
    );
    expect(bronze.rows).toHaveLength(6);
    // bronze pages keep the URL really fetched (evidence); every parse of them names its identity
    expect(bronze.rows.map((r) => r.url)).toEqual(fetched.flatMap((f) => (f.kind === 'search' ? [f.url, f.url] : [f.url])));
    expect(bronze.rows.every((r) => r.source_url.startsWith('https://www.'))).toBe(true);
    expect(bronze.rows.map((r) => r.source_id)).toEqual([SUNWAVES, SUNWAVES, LAGOA, '1gz59x6t', '235d0827', '3b5d0820']);

    // The new crawler, storing the same pages into an empty database, gives exactly this silver.
    for (const page of fetched) {
      const pageId = await savePage(fresh, {
        url: page.url,
        status: 200,
        contentType: 'text/plain',
        body: page.body,
        source: page.source.name,
        kind: page.kind,
        crawlRunId: null,
      });
      await storeParsedSetlists(fresh, page.source, pageId, parsesOf(page), null);
    }
    const migrated = await silverState(legacy);
    expect(migrated.transitions.length).toBeGreaterThan(20);
    expect(migrated.transitions.every((t) => t.weight === 1)).toBe(true);
    expect(migrated).toEqual(await silverState(fresh));
  });

  it('leaves nothing for a reparse to do afterwards, under any base URL', async () => {
    const before = await silverState(legacy);
    const bronzeBefore = (await legacy.query('SELECT count(*)::int AS n FROM bronze.setlists')).rows[0].n;
    const changed = (await legacy.query(`SELECT max(changed_xid::text::bigint) AS x FROM silver.setlists`)).rows[0].x;
    const summary = await reparseBronze({ config: configOn('http://127.0.0.1:9'), pool: legacy, logger: pino({ level: 'silent' }) });
    // the Sunwaves page fetched twice is parsed once, from its newest copy
    expect(summary).toMatchObject({ pages: 4, setlists: 5, written: 0, unchanged: 5, notRefined: 0 });
    expect(await silverState(legacy)).toEqual(before);
    expect((await legacy.query('SELECT count(*)::int AS n FROM bronze.setlists')).rows[0].n).toBe(bronzeBefore);
    expect((await legacy.query(`SELECT max(changed_xid::text::bigint) AS x FROM silver.setlists`)).rows[0].x).toBe(changed);
  });
});
