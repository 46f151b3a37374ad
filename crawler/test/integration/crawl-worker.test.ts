import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createWorkerStatus, runWorker } from '../../src/crawl/worker';
import { addTarget, claimTarget } from '../../src/db/targets';
import { createCrawlerMetrics } from '../../src/health/metrics';
import { startWorkerHealth } from '../../src/health/worker-health';
import { mixesdbPagesFromCsv, startCrawlHarness, type CrawlHarness } from '../support/crawl-harness';

const CRAWLER_ROOT = join(__dirname, '..', '..');

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** `name{labels} value` lines of a Prometheus text page, as { 'name{labels}': value }. */
function samples(text: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(songnodes_crawl_[a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) result.set(match[1]!, Number(match[2]));
  }
  return result;
}

// `crawl worker` wakes on NOTIFY crawl_requested (what the API's requestCrawl mutation sends) between runs, serves
// /healthz, /readyz and /metrics (issue 15), and stops cleanly on SIGTERM.
describe('crawl worker', () => {
  let h: CrawlHarness;
  beforeAll(async () => {
    h = await startCrawlHarness(mixesdbPagesFromCsv());
  });
  afterAll(() => h.close());

  const targetStatus = async (title: string) =>
    (await h.pool.query(`SELECT status FROM ops.target_track_searches WHERE title = $1`, [title])).rows[0]?.status as string | undefined;

  it('crawls a target requested after its last run, and its health and metrics follow the crawl', async () => {
    const config = { ...h.config, healthPort: 0 };
    const metrics = createCrawlerMetrics();
    const status = createWorkerStatus();
    const health = await startWorkerHealth({ ...h, config, metrics, status });
    const get = async (path: string) => {
      const response = await fetch(`${health.url}${path}`);
      return { status: response.status, text: await response.text() };
    };
    const stop = new AbortController();
    const worker = runWorker({ ...h, metrics }, { sources: ['mixesdb'], intervalMs: 3_600_000, signal: stop.signal, status });
    try {
      const finishedRuns = async () => (await h.pool.query(`SELECT count(*)::int AS n FROM ops.crawl_runs WHERE status = 'ok'`)).rows[0].n;
      await waitFor('the first run', async () => (await finishedRuns()) > 0 && status.state === 'sleeping');
      expect(await get('/healthz')).toEqual({ status: 200, text: expect.stringContaining('"ok":true') });
      const ready = await get('/readyz');
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.text)).toMatchObject({ ok: true, checks: { database: { ok: true }, loop: { ok: true, state: 'sleeping' } } });

      const [added] = await addTarget(h.pool, 'Robert Hood', 'Range', ['mixesdb']);
      expect(added).toBe('mixesdb');
      const before = samples((await get('/metrics')).text);
      expect(before.get('songnodes_crawl_due_targets{source="mixesdb"}')).toBe(1);
      expect(before.get('songnodes_crawl_breaker_open{source="mixesdb"}')).toBe(0);
      expect(before.get('songnodes_crawl_runs_total{outcome="ok"}')).toBe(1);
      expect(before.has('songnodes_crawl_requests_total{source="mixesdb",status="200"}')).toBe(false);

      await h.pool.query("SELECT pg_notify('crawl_requested', 'test')");
      await waitFor('the target', async () => (await targetStatus('Range')) === 'done' && status.state === 'sleeping');
      const after = samples((await get('/metrics')).text);
      expect(after.get('songnodes_crawl_due_targets{source="mixesdb"}')).toBe(0);
      expect(after.get('songnodes_crawl_runs_total{outcome="ok"}')).toBe(2);
      expect(after.get('songnodes_crawl_targets_total{source="mixesdb",outcome="done"}')).toBe(1);
      expect(after.get('songnodes_crawl_setlists_total{source="mixesdb",outcome="stored",reason="written"}')).toBe(8);
      // robots.txt, the insource: search and the 8 mixes, each answered 200
      expect(after.get('songnodes_crawl_requests_total{source="mixesdb",status="200"}')).toBe(10);
      expect(after.get('songnodes_crawl_pages_total{source="mixesdb",kind="setlist",status="200"}')).toBe(8);

      // Every label comes from a bounded set: no URL, no title, no free text.
      const labels = [...after.keys()].flatMap((key) => [...key.matchAll(/(\w+)="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`));
      const allowed =
        /^(source=(mixesdb|1001tracklists|setlistfm)|status=(\d{3}|\dxx|timeout|network|aborted|other)|kind=(search|setlist|crawl-state|database|internal)|outcome=(ok|failed|aborted|done|blocked|released|stored|refused)|reason=(written|unchanged|blocked|empty|error|not_refined|no_setlist|page_failed|local_failure))$/;
      expect(labels.filter((l) => !allowed.test(l))).toEqual([]);
      expect(labels.length).toBeGreaterThan(10);

      await h.pool.query(
        `INSERT INTO ops.source_state (source, paused_until, pause_reason) VALUES ('mixesdb', now() + interval '1 hour', 'test')`,
      );
      expect(samples((await get('/metrics')).text).get('songnodes_crawl_breaker_open{source="mixesdb"}')).toBe(1);
      await h.pool.query(`DELETE FROM ops.source_state`);
    } finally {
      stop.abort();
      expect(await worker).toBeGreaterThanOrEqual(2);
      const stopped = await get('/readyz');
      expect(stopped.status).toBe(503);
      expect(JSON.parse(stopped.text).checks.loop).toMatchObject({ ok: false, state: 'stopped' });
      await health.close();
    }
  });

  describe('/readyz without PostgreSQL', () => {
    let hung: Server;
    let hungPort: number;
    beforeAll(async () => {
      // accepts connections, reads and never answers: a hung database, not a refused one
      hung = createServer((socket) => socket.resume());
      await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
      hungPort = (hung.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => hung.close(() => resolve())));

    it.each([
      ['hung', () => `postgres://songnodes:songnodes@127.0.0.1:${hungPort}/songnodes`, /did not answer within 1500 ms/],
      ['refusing connections', () => 'postgres://songnodes:songnodes@127.0.0.1:9/songnodes', /ECONNREFUSED/],
    ])('answers 503 with why when the database is %s', async (_how, url, why) => {
      const status = createWorkerStatus();
      status.state = 'sleeping';
      const health = await startWorkerHealth({
        ...h,
        config: { ...h.config, databaseUrl: url(), healthPort: 0 },
        metrics: createCrawlerMetrics(),
        status,
      });
      try {
        const response = await fetch(`${health.url}/readyz`);
        expect(response.status).toBe(503);
        expect(((await response.json()) as { checks: unknown }).checks).toEqual({
          database: { ok: false, error: expect.stringMatching(why) },
          loop: expect.objectContaining({ ok: true }),
        });
        expect((await fetch(`${health.url}/healthz`)).status).toBe(200);
      } finally {
        await health.close();
      }
    });
  });

  it('on SIGTERM mid-target gives the target back at once, closes everything and exits 0', async () => {
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: CRAWLER_ROOT, encoding: 'utf8' });
    expect(build.status).toBe(0);
    await addTarget(h.pool, 'DVS1', 'Running', ['mixesdb']);
    const env = { ...h.env, HEALTH_PORT: '0', MIXESDB_DELAY_SECONDS: '0.5' };
    const child = spawn(process.execPath, ['dist/main.js', 'worker', '--source', 'mixesdb'], {
      cwd: CRAWLER_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const rawLoads = () => h.replay.requests.filter((r) => r.query.action === 'raw').length;
    const rawBefore = rawLoads();

    // mid-target: its search is done and the first of its 7 setlist pages has been asked for
    await waitFor('the worker to load a setlist page', async () => rawLoads() > rawBefore || child.exitCode !== null);
    expect(stdout).toMatch(/health and metrics on http:\/\/127\.0\.0\.1:\d+/);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout)![0];
    expect(JSON.parse(await (await fetch(`${url}/readyz`)).text()).checks.loop.state).toBe('crawling');
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(stdout).toMatch(/worker stopped after \d+ run\(s\)/);

    // given back, not recorded: another worker claims it at once, still due, attempts unchanged
    const claim = await claimTarget(h.pool, ['mixesdb'], { force: false, exclude: [] });
    expect(claim?.target).toMatchObject({ artist: 'DVS1', title: 'Running', attempts: 0 });
    await claim!.release();
    expect(await targetStatus('Running')).toBe('pending');
    const run = await h.pool.query(`SELECT status, summary->>'aborted' AS aborted FROM ops.crawl_runs ORDER BY id DESC LIMIT 1`);
    expect(run.rows).toEqual([{ status: 'aborted', aborted: 'true' }]);
    expect(rawLoads() - rawBefore).toBeLessThan(7);

    // nothing lost: the next worker finishes the target with every setlist
    const stop = new AbortController();
    const next = runWorker(h, { sources: ['mixesdb'], intervalMs: 3_600_000, signal: stop.signal });
    await waitFor('the target', async () => (await targetStatus('Running')) === 'done');
    stop.abort();
    await next;
    const target = await h.pool.query(`SELECT setlists_found, results_found FROM ops.target_track_searches WHERE title = 'Running'`);
    expect(target.rows).toEqual([{ setlists_found: 7, results_found: 7 }]);
  });
});
