import { setTimeout as sleep } from 'node:timers/promises';
import { createProgressReporter, type ProgressEvent } from '../../src/crawl/progress';
import { runCrawl } from '../../src/crawl/run-crawl';
import { addTarget } from '../../src/db/targets';
import { createCrawlerMetrics } from '../../src/health/metrics';
import { mixesdbPagesFromCsv, startCrawlHarness, type CrawlHarness } from '../support/crawl-harness';

// Bad input never crashes a run and never reaches silver as if it were complete. The 7 real mixes that play
// "DVS1 - Running", each answered by the replay server with a different misbehaviour.
describe('crawl run under failures', () => {
  let h: CrawlHarness;
  beforeAll(async () => {
    h = await startCrawlHarness(mixesdbPagesFromCsv(), {
      CRAWLER_TIMEOUT_SECONDS: '1',
      CRAWLER_MAX_RETRIES: '2',
      CRAWLER_BREAKER_THRESHOLD: '10',
    });
  });
  afterAll(() => h.close());

  const raw = (page: string) => `${page}&action=raw`;

  it('retries 429s, survives 500s, timeouts, cut-off bodies, malformed and empty pages, and stores only complete setlists', async () => {
    h.replay.addFault({
      source: 'mixesdb',
      match: raw('Free_Your_Mind_Festival,_NL'),
      kind: 'status',
      status: 429,
      retryAfterSeconds: 0,
      times: 2,
    });
    h.replay.addFault({ source: 'mixesdb', match: raw('CLR_Podcast_017'), kind: 'status', status: 500 });
    h.replay.addFault({ source: 'mixesdb', match: raw('Clash_Music_Podcast'), kind: 'hang' });
    h.replay.addFault({ source: 'mixesdb', match: raw('BodytonicLive_23,_2009-12-08)'), kind: 'truncate', bytes: 300 });
    h.replay.addFault({
      source: 'mixesdb',
      match: raw('Sub_Club,_Glasgow'),
      kind: 'body',
      body: '== Tracklist ==\n# DVS1 - Running\u0000\u0001\u0002\n# {{unclosed',
    });
    h.replay.addFault({
      source: 'mixesdb',
      match: raw('Voices,_Propaganda,_Moscow'),
      kind: 'body',
      body: "'''Ben Klock @ Voices'''\n\n== Tracklist ==\n\n== Comments ==\nNo tracklist yet.\n",
    });
    await addTarget(h.pool, 'DVS1', 'Running', ['mixesdb']);

    const summary = await runCrawl(h, { sources: ['mixesdb'] });
    expect(summary.sources.mixesdb).toEqual({ targets: 1, setlists: 2, failedTargets: 0 });

    const silver = await h.pool.query('SELECT title FROM silver.setlists ORDER BY title');
    expect(silver.rows.map((r) => r.title)).toEqual([
      '2009-06-06 - Ben Klock, Marcel Dettmann @ Free Your Mind Festival, NL',
      '2017-04-15 - B.Traits, Ben Klock, Julia Govor, Kate Simko - B.Traits, BBC Radio 1',
    ]);
    const bronze = await h.pool.query(`SELECT status, source_url FROM bronze.setlists WHERE status <> 'ok' ORDER BY status`);
    expect(bronze.rows.map((r) => r.status)).toEqual(['empty', 'error']);
    expect(bronze.rows[0].source_url).toMatch(/Voices/);
    expect(bronze.rows[1].source_url).toMatch(/Sub_Club/);

    const target = await h.pool.query('SELECT status, setlists_found, results_found, last_error FROM ops.target_track_searches');
    expect(target.rows[0]).toMatchObject({ status: 'done', setlists_found: 2, results_found: 7 });
    for (const reason of ['HTTP 500', 'Clash_Music_Podcast', 'BodytonicLive', 'empty', 'error']) {
      expect(target.rows[0].last_error).toContain(reason);
    }
    const freeYourMind = h.replay.requests.filter((r) => r.query.action === 'raw' && /Free_Your_Mind/.test(r.query.title ?? ''));
    expect(freeYourMind.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('goes on with the next target when a search answer is not JSON', async () => {
    h.replay.clearFaults();
    h.replay.addFault({ source: 'mixesdb', match: 'Broken+Search', kind: 'body', body: '<html>maintenance</html>' });
    h.replay.addFault({ source: 'mixesdb', match: 'Broken%20Search', kind: 'body', body: '<html>maintenance</html>' });
    await addTarget(h.pool, 'Broken Search', 'Anything', ['mixesdb']);
    await addTarget(h.pool, 'Robert Hood', 'The Pace', ['mixesdb']);
    const summary = await runCrawl(h, { sources: ['mixesdb'] });
    expect(summary.sources.mixesdb).toMatchObject({ targets: 1, failedTargets: 1 });
    const targets = await h.pool.query(
      `SELECT artist, status, last_error FROM ops.target_track_searches WHERE artist <> 'DVS1' ORDER BY artist`,
    );
    expect(targets.rows).toEqual([
      { artist: 'Broken Search', status: 'failed', last_error: expect.stringContaining('not JSON') },
      { artist: 'Robert Hood', status: 'done', last_error: null },
    ]);
  });

  it('opens the circuit breaker after repeated failures, pauses the source, and the next run skips it', async () => {
    h.replay.clearFaults();
    await h.pool.query('UPDATE ops.target_track_searches SET next_search_after = now() WHERE artist = $1', ['DVS1']);
    h.replay.addFault({ source: 'mixesdb', match: 'action=raw', kind: 'status', status: 503 });
    const strict = await startCrawlHarness(new Map(), {}); // only for its config shape
    await strict.close();
    const config = { ...h.config, breakerThreshold: 2 };
    const summary = await runCrawl({ ...h, config }, { sources: ['mixesdb'] });
    expect(summary.sources.mixesdb?.stopped).toMatch(/2 consecutive failed requests/);
    const pause = await h.pool.query(`SELECT pause_reason FROM ops.source_state WHERE source = 'mixesdb' AND paused_until > now()`);
    expect(pause.rows).toHaveLength(1);
    const target = await h.pool.query(`SELECT status FROM ops.target_track_searches WHERE artist = 'DVS1'`);
    expect(target.rows[0].status).toBe('blocked');

    const before = h.replay.requests.length;
    const next = await runCrawl({ ...h, config }, { sources: ['mixesdb'], force: true });
    expect(next.sources.mixesdb?.skipped).toMatch(/^paused until .*2 consecutive failed requests/);
    expect(h.replay.requests.length).toBe(before);
  });
});

// PostgreSQL dropping the crawler's connections mid-target (a restart, a failover, pg_terminate_backend) is a
// failure of ours: logged and retried, never a pause, never a blocked target, never the end of the process.
describe('crawl run when PostgreSQL drops its connections', () => {
  let h: CrawlHarness;
  beforeAll(async () => {
    h = await startCrawlHarness(mixesdbPagesFromCsv());
    await addTarget(h.pool, 'Robert Hood', 'Range', ['mixesdb']);
  });
  afterAll(() => h.close());

  it('loses only the bookkeeping of the target in progress, which the next run finishes', async () => {
    const progress = createProgressReporter(h.pool, h.logger);
    let setlists = 0;
    const report = async (event: ProgressEvent) => {
      if (event.event === 'setlist' && ++setlists === 3) {
        // every other connection of this database, the claim's open transaction among them
        const killed = await h.pool.query(
          `SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid()) t`,
        );
        expect(killed.rows[0].n).toBeGreaterThanOrEqual(1);
        await sleep(200); // the pool and the claim notice their connections are gone
      }
      await progress(event);
    };
    const metrics = createCrawlerMetrics();
    const first = await runCrawl({ ...h, report, metrics }, { sources: ['mixesdb'] });
    expect(first.sources.mixesdb).toEqual({ targets: 0, setlists: 0, failedTargets: 0, localFailures: 1 });
    expect(await metrics.registry.metrics()).toContain('songnodes_crawl_local_failures_total{source="mixesdb",kind="database"} 1');
    const state = async () => (await h.pool.query('SELECT status, setlists_found FROM ops.target_track_searches')).rows;
    expect(await state()).toEqual([{ status: 'pending', setlists_found: 0 }]);
    const paused = await h.pool.query('SELECT source FROM ops.source_state WHERE paused_until > now()');
    expect(paused.rows).toEqual([]);

    const second = await runCrawl(h, { sources: ['mixesdb'] });
    expect(second.sources.mixesdb).toEqual({ targets: 1, setlists: 8, failedTargets: 0 });
    expect(await state()).toEqual([{ status: 'done', setlists_found: 8 }]);
  });
});
