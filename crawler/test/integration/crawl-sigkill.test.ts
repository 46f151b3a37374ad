import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { addTarget } from '../../src/db/targets';
import { mixesdbPagesFromCsv, startCrawlHarness, type CrawlHarness } from '../support/crawl-harness';

const CRAWLER_ROOT = join(__dirname, '..', '..');

// A crawl killed with SIGKILL mid-run and restarted finishes with exactly what an uninterrupted run gives:
// each setlist is stored in one transaction, targets are claimed by a lock that dies with the worker, and the
// persisted request queue plus the recent-page reuse let the restart pick up where the dead worker stopped.
describe('crawl run killed with SIGKILL', () => {
  let h: CrawlHarness;
  beforeAll(async () => {
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: CRAWLER_ROOT, encoding: 'utf8' });
    expect(build.status).toBe(0);
    h = await startCrawlHarness(mixesdbPagesFromCsv(), { MIXESDB_DELAY_SECONDS: '0.3' });
    await addTarget(h.pool, 'Robert Hood', 'Range', ['mixesdb']);
  });
  afterAll(() => h.close());

  const countSetlists = async () => (await h.pool.query('SELECT count(*)::int AS n FROM silver.setlists')).rows[0].n as number;

  /** Starts `crawl run`, SIGKILLs it once silver holds `killAt` setlists; resolves with the exit signal. */
  async function runAndKill(killAt: number): Promise<string | null> {
    const child = spawn(process.execPath, ['dist/main.js', 'run', '--source', 'mixesdb'], { cwd: CRAWLER_ROOT, env: h.env, stdio: 'ignore' });
    const exited = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    while ((await countSetlists()) < killAt && child.exitCode === null) await sleep(20);
    child.kill('SIGKILL');
    return exited;
  }

  it('converges to the uninterrupted result, with no duplicates, after kills at several points', async () => {
    // (no timing is asserted; the generous limit only covers three CLI runs with Node start-up on a busy machine)
    expect(await runAndKill(1)).toBe('SIGKILL');
    const afterFirstKill = await countSetlists();
    expect(afterFirstKill).toBeGreaterThanOrEqual(1);
    expect(afterFirstKill).toBeLessThan(8);
    expect(await runAndKill(afterFirstKill + 3)).toBe('SIGKILL');

    // Not spawnSync: it would block this process, and the replay server answering the CLI lives in it.
    const finish = spawn(process.execPath, ['dist/main.js', 'run', '--source', 'mixesdb'], { cwd: CRAWLER_ROOT, env: h.env, stdio: 'ignore' });
    expect(await new Promise((resolve) => finish.once('exit', resolve))).toBe(0);

    expect(await countSetlists()).toBe(8);
    const rows = await h.pool.query('SELECT count(*)::int AS n FROM silver.setlist_tracks');
    expect(rows.rows[0].n).toBe(205);
    const edges = await h.pool.query('SELECT count(*)::int AS n FROM silver.transitions WHERE weight > 0');
    expect(edges.rows[0].n).toBe(164);
    const weights = await h.pool.query('SELECT max(weight)::int AS max FROM silver.transitions');
    expect(weights.rows[0].max).toBe(2);
    const bronzeDuplicates = await h.pool.query(
      `SELECT source_url, count(*) FROM bronze.setlists GROUP BY source_url, parser_version, page_id HAVING count(*) > 1`,
    );
    expect(bronzeDuplicates.rows).toEqual([]);
    const target = await h.pool.query('SELECT status, setlists_found FROM ops.target_track_searches');
    expect(target.rows).toEqual([{ status: 'done', setlists_found: 8 }]);
  }, 300_000);
});
