import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCrawl } from '../../src/crawl/run-crawl';
import { addTarget } from '../../src/db/targets';
import { loadMixesdbCsvMixes } from '../../src/replay';
import { mixesdbPagesFromCsv, startCrawlHarness, type CrawlHarness } from '../support/crawl-harness';
import { silverChecksum } from '../support/silver-checksum';

const CRAWLER_ROOT = join(__dirname, '..', '..');
const KILLS = 20;
const SEED = 0x5eed_2011;
/** a kill lands after 0..MAX_REQUESTS requests of the run reached the replay server, plus 0..MAX_JITTER_MS */
const MAX_REQUESTS = 14;
const MAX_JITTER_MS = 40;

/** mulberry32: a small seeded generator, so a failing sequence of kill moments can be replayed exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Targets as `crawl sample` makes them: the first identified track of each of the first `count` real mixes. */
function sampleTargets(count: number): { artist: string; title: string }[] {
  const targets = new Map<string, { artist: string; title: string }>();
  for (const mix of loadMixesdbCsvMixes()) {
    const first = mix.rows.find((r) => r.artist && r.title && !r.title.startsWith('?'));
    const title = first?.title.replace(/\s*\[[^\]]*\]?\s*$/, '');
    if (first && title) targets.set(`${first.artist}|${title}`.toLowerCase(), { artist: first.artist, title });
    if (targets.size === count) break;
  }
  return [...targets.values()];
}

// Crawls killed with SIGKILL at seeded random moments, then one clean run, end exactly where a crawl that was never
// killed ends: each setlist is stored in one transaction, a target's claim is a row lock that dies with the worker,
// Crawlee's persisted state is reset when a kill damaged it (never a reason to pause the source), and pages
// already in bronze are re-used. Regression for issue 11: in 6 of 20 kills the next run paused MixesDB for an hour.
describe('crawl run killed with SIGKILL at random moments', () => {
  let killed: CrawlHarness;
  let reference: CrawlHarness;
  const targets = sampleTargets(40);

  beforeAll(async () => {
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: CRAWLER_ROOT, encoding: 'utf8' });
    expect(build.status).toBe(0);
    const pages = mixesdbPagesFromCsv();
    killed = await startCrawlHarness(pages);
    reference = await startCrawlHarness(pages);
    for (const h of [killed, reference]) {
      for (const t of targets) await addTarget(h.pool, t.artist, t.title, ['mixesdb']);
    }
  });
  afterAll(async () => {
    await killed?.close();
    await reference?.close();
  });

  const startRun = (h: CrawlHarness) => {
    const child = spawn(process.execPath, ['dist/main.js', 'run', '--source', 'mixesdb'], {
      cwd: CRAWLER_ROOT,
      env: h.env,
      stdio: 'ignore',
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    return { child, exited };
  };

  it(`ends with the silver of a run never killed, every target done and no source paused, after ${KILLS} kills`, async () => {
    // (no timing is asserted; the generous limit covers 21 CLI start-ups on a busy machine)
    expect(targets.length).toBe(40);
    await runCrawl(reference, { sources: ['mixesdb'] });
    const expected = await silverChecksum(reference.pool);
    expect(Number(expected.setlists!.split(':')[0])).toBeGreaterThan(40);

    const random = seeded(SEED);
    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const afterRequests = Math.floor(random() * (MAX_REQUESTS + 1));
      const jitterMs = Math.floor(random() * (MAX_JITTER_MS + 1));
      const startedAt = killed.replay.requests.length;
      const { child, exited } = startRun(killed);
      while (killed.replay.requests.length - startedAt < afterRequests && child.exitCode === null) await sleep(2);
      await sleep(jitterMs);
      child.kill('SIGKILL');
      const { code, signal } = await exited;
      outcomes.push(signal ?? `exit ${code}`);
      // Not one kill may leave a source paused or a target blocked.
      const paused = await killed.pool.query('SELECT source, pause_reason FROM ops.source_state WHERE paused_until > now()');
      expect({ kill: i, afterRequests, jitterMs, paused: paused.rows }).toEqual({ kill: i, afterRequests, jitterMs, paused: [] });
    }
    // Most runs died mid-crawl (a run that finished before its moment exited 0: fine, but it tested nothing).
    expect(outcomes.filter((o) => o === 'SIGKILL').length).toBeGreaterThanOrEqual(15);
    expect(outcomes.filter((o) => o !== 'SIGKILL' && o !== 'exit 0')).toEqual([]);

    const finish = startRun(killed);
    expect(await finish.exited).toEqual({ code: 0, signal: null });

    expect(await silverChecksum(killed.pool)).toEqual(expected);
    const targetState = 'SELECT artist, title, status, results_found, setlists_found FROM ops.target_track_searches ORDER BY id';
    const done = await killed.pool.query(targetState);
    expect(done.rows.map((r) => r.status)).toEqual(targets.map(() => 'done'));
    expect(done.rows).toEqual((await reference.pool.query(targetState)).rows);
    const paused = await killed.pool.query('SELECT source FROM ops.source_state WHERE paused_until > now()');
    expect(paused.rows).toEqual([]);
    const bronzeDuplicates = await killed.pool.query(
      `SELECT source_url, count(*) FROM bronze.setlists GROUP BY source_url, parser_version, page_id HAVING count(*) > 1`,
    );
    expect(bronzeDuplicates.rows).toEqual([]);
  }, 900_000);
});
