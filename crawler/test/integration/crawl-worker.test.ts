import { runWorker } from '../../src/crawl/worker';
import { addTarget } from '../../src/db/targets';
import { mixesdbPagesFromCsv, startCrawlHarness, type CrawlHarness } from '../support/crawl-harness';

// `crawl worker` wakes on NOTIFY crawl_requested (what the API's requestCrawl mutation sends) between runs.
describe('crawl worker', () => {
  let h: CrawlHarness;
  beforeAll(async () => {
    h = await startCrawlHarness(mixesdbPagesFromCsv());
  });
  afterAll(() => h.close());

  it('crawls a target requested after its last run without waiting for the interval', async () => {
    const stop = new AbortController();
    const worker = runWorker(h, { sources: ['mixesdb'], intervalMs: 3_600_000, signal: stop.signal });
    const targetStatus = async () =>
      (await h.pool.query(`SELECT status FROM ops.target_track_searches WHERE title = 'Range'`)).rows[0]?.status as string | undefined;
    const finishedRuns = async () => (await h.pool.query(`SELECT count(*)::int AS n FROM ops.crawl_runs WHERE status = 'ok'`)).rows[0].n;
    for (let i = 0; i < 200 && (await finishedRuns()) === 0; i++) await new Promise((r) => setTimeout(r, 50));

    const [added] = await addTarget(h.pool, 'Robert Hood', 'Range', ['mixesdb']);
    expect(added).toBe('mixesdb');
    await h.pool.query("SELECT pg_notify('crawl_requested', 'test')");
    for (let i = 0; i < 200 && (await targetStatus()) !== 'done'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await targetStatus()).toBe('done');

    stop.abort();
    expect(await worker).toBeGreaterThanOrEqual(2);
  });
});
