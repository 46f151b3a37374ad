import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCrawl } from '../../src/crawl/run-crawl';
import { addTarget } from '../../src/db/targets';
import { startCrawlHarness, type CrawlHarness } from '../support/crawl-harness';

const FIXTURES = join(__dirname, '..', '..', 'src', 'sources', 'setlistfm', 'fixtures');
// Real setlist.fm search response: 20 Phish shows of April 2025 (SOURCE.md there).
const phish = JSON.parse(readFileSync(join(FIXTURES, 'phish-setlists-response.json'), 'utf8')) as { setlist: unknown[] };

describe('crawl run: setlist.fm through its API', () => {
  let h: CrawlHarness;
  afterEach(() => h.close());

  it('is skipped with a clear message when no API key is configured', async () => {
    h = await startCrawlHarness(new Map(), { SETLISTFM_API_KEY: '' }, { setlists: phish.setlist, apiKey: 'k' });
    await addTarget(h.pool, 'Phish', 'Stash', ['setlistfm']);
    const summary = await runCrawl(h, { sources: ['setlistfm'] });
    expect(summary.sources.setlistfm?.skipped).toMatch(/no SETLISTFM_API_KEY set/);
    expect(h.replay.requests).toEqual([]);
  });

  it('keeps the setlists that play the target, sends the key, stores songs in order per set', async () => {
    h = await startCrawlHarness(new Map(), { SETLISTFM_API_KEY: 'test-key' }, { setlists: phish.setlist, apiKey: 'test-key' });
    await addTarget(h.pool, 'Phish', 'Stash', ['setlistfm']);
    const summary = await runCrawl(h, { sources: ['setlistfm'] });
    expect(summary.sources.setlistfm).toEqual({ targets: 1, setlists: 6, failedTargets: 0 });
    const apiRequests = h.replay.requests.filter((r) => r.path.startsWith('/rest/'));
    expect(apiRequests.length).toBeGreaterThan(0);
    expect(apiRequests.every((r) => r.headers['x-api-key'] === 'test-key')).toBe(true);

    const withStash = await h.pool.query(
      `SELECT count(DISTINCT st.setlist_id)::int AS n FROM silver.setlist_tracks st JOIN silver.tracks t ON t.id = st.track_id
       WHERE t.title = 'Stash' AND t.artist_credit = 'Phish'`,
    );
    expect(withStash.rows[0].n).toBe(6);
    const parts = await h.pool.query(`SELECT DISTINCT part_name FROM silver.setlist_tracks WHERE part_name IS NOT NULL ORDER BY part_name`);
    expect(parts.rows.map((r) => r.part_name)).toEqual(expect.arrayContaining(['Encore 1']));
    const target = await h.pool.query('SELECT status, results_found, setlists_found FROM ops.target_track_searches');
    expect(target.rows).toEqual([{ status: 'done', results_found: 6, setlists_found: 6 }]);
  });
});
