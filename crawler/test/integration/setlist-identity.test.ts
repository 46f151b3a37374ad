import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crawlUrl } from '../../src/crawl/crawl-url';
import { reparseBronze } from '../../src/crawl/reparse';
import { blankSetlist } from '@songnodes/parsing';
import { withCanonicalIdentity } from '../../src/refine/setlist-identity';
import { startReplayServer, type ReplayServer } from '../../src/replay';
import { mixesdbPagesFromCsv, startCrawlHarness, type CrawlHarness } from '../support/crawl-harness';

// ARCHITECTURE §8 / docs/identity.md: a setlist is the source's own identity, stored with the page a person can
// open, whatever origin the crawler fetched it from. Real mixes of the bundled MixesDB sample, through the replay
// server at two ports.
const MIX = '2011-08-13 - Raresh & Praslea @ Sunwaves 10, Romania (DanceTrippin TV 241)';
const CANONICAL = 'https://www.mixesdb.com/w/2011-08-13_-_Raresh_%26_Praslea_@_Sunwaves_10,_Romania_(DanceTrippin_TV_241)';
const ESSENTIAL_MIX = JSON.parse(readFileSync(join(__dirname, 'fixtures/essential-mix-pages.json'), 'utf8')) as Record<string, unknown>;

describe('setlist identity: the source page, never the fetch origin', () => {
  let h: CrawlHarness;
  let other: ReplayServer;
  const pages = mixesdbPagesFromCsv();
  beforeAll(async () => {
    h = await startCrawlHarness(pages);
    other = await startReplayServer({ mixesdb: { pages } });
  });
  afterAll(async () => {
    await other.close();
    await h.close();
  });

  const silverSetlists = async () => (await h.pool.query('SELECT source, source_id, source_url FROM silver.setlists ORDER BY id')).rows;
  const weights = async () =>
    (await h.pool.query('SELECT from_track_id, to_track_id, weight, setlists, occurrences FROM silver.transitions ORDER BY 1, 2')).rows;

  it('stores a mix crawled through the replay server under its MixesDB page, and once when crawled through another', async () => {
    const first = await crawlUrl(h, `${h.config.mixesdbBaseUrl}/w/${MIX.replace(/ /g, '_')}`);
    expect(first).toEqual([
      expect.objectContaining({ sourceUrl: CANONICAL, sourceId: MIX, status: 'ok', outcome: expect.objectContaining({ kind: 'written' }) }),
    ]);
    expect(await silverSetlists()).toEqual([{ source: 'mixesdb', source_id: MIX, source_url: CANONICAL }]);
    const before = await weights();
    expect(before.length).toBeGreaterThan(0);
    expect(before.map((w) => w.weight)).toEqual(before.map(() => 1));

    const viaOther = { ...h, config: { ...h.config, mixesdbBaseUrl: other.urls.mixesdb } };
    const second = await crawlUrl(viaOther, `${other.urls.mixesdb}/w/${MIX.replace(/ /g, '_')}`);
    expect(second).toEqual([expect.objectContaining({ sourceUrl: CANONICAL, outcome: expect.objectContaining({ kind: 'unchanged' }) })]);
    expect(await silverSetlists()).toHaveLength(1);
    expect(await weights()).toEqual(before);

    // Bronze keeps both fetches as evidence, each with the URL really fetched; both parses name the one identity.
    const evidence = await h.pool.query(
      `SELECT p.url, s.source_id, s.source_url FROM bronze.pages p JOIN bronze.setlists s ON s.page_id = p.id ORDER BY p.id`,
    );
    expect(evidence.rows.map((r) => new URL(r.url).origin)).toEqual([h.config.mixesdbBaseUrl, other.urls.mixesdb]);
    expect(evidence.rows.map((r) => [r.source_id, r.source_url])).toEqual([
      [MIX, CANONICAL],
      [MIX, CANONICAL],
    ]);
  });

  it('reparses by identity under a base URL that fetched nothing, from the newest page, writing nothing new', async () => {
    const elsewhere = { ...h, config: { ...h.config, mixesdbBaseUrl: 'http://127.0.0.1:9' } };
    const before = await weights();
    const summary = await reparseBronze(elsewhere);
    expect(summary).toMatchObject({ pages: 1, setlists: 1, unchanged: 1, written: 0, notRefined: 0 });
    expect(await silverSetlists()).toEqual([{ source: 'mixesdb', source_id: MIX, source_url: CANONICAL }]);
    expect(await weights()).toEqual(before);
  });

  it('gives the same identity in TypeScript and in the SQL twin of migration 0007, on every real title and URL at hand', async () => {
    const mixesdb = [...pages.keys(), ...Object.keys(ESSENTIAL_MIX).map((key) => decodeURIComponent(key.slice(3)).replace(/_/g, ' '))].map(
      (title) => blankSetlist('mixesdb', 'http://127.0.0.1:1/w/index.php?action=raw', 'ok', null, title.replace(/ /g, '_')),
    );
    const others = [
      blankSetlist(
        '1001tracklists',
        'http://127.0.0.1:5/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html',
        'ok',
        null,
        '1gz59x6t',
      ),
      blankSetlist('1001tracklists', 'https://www.1001tracklists.com/tracklist/1gz59x6t/x.html?y=1', 'ok', null, null),
      blankSetlist('1001tracklists', 'https://www.1001tracklists.com/tracklist/1gz59x6t/', 'ok', null, '2hjnqr0t'),
      blankSetlist(
        'setlistfm',
        'https://www.setlist.fm/setlist/phish/2025/hollywood-bowl-los-angeles-ca-235d0827.html',
        'ok',
        null,
        '235d0827',
      ),
      blankSetlist(
        'setlistfm',
        'http://setlist.fm/setlist/phish/2025/bill-graham-civic-auditorium-san-francisco-ca-235d082f.html',
        'ok',
        null,
        '235d082f',
      ),
    ];
    const all = [...mixesdb, ...others];
    expect(all.length).toBeGreaterThan(260);
    const { rows } = await h.pool.query(
      `SELECT c.id, c.url FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS s(source, source_id, source_url, n)
       CROSS JOIN LATERAL silver.canonical_setlist_identity(s.source, s.source_id, s.source_url) c ORDER BY s.n`,
      [all.map((s) => s.source), all.map((s) => s.sourceId), all.map((s) => s.sourceUrl)],
    );
    const typescript = all.map(withCanonicalIdentity).map((s) => ({ id: s.sourceId, url: s.sourceUrl }));
    expect(rows).toEqual(typescript);
    // and the URLs are the ones MediaWiki itself links these pages with (the corpus keys are such links)
    const linked = Object.keys(ESSENTIAL_MIX).map((key) => `https://www.mixesdb.com${key}`);
    expect(typescript.slice(pages.size, pages.size + linked.length).map((s) => s.url)).toEqual(linked);
  });
});
