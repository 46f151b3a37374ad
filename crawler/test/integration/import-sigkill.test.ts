import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MIXESDB_CSV_DIR, startImportHarness, type ImportHarness } from '../support/import-harness';
import { silverChecksum } from '../support/silver-checksum';

const CRAWLER_ROOT = join(__dirname, '..', '..');

// An import killed with SIGKILL at several points and run again ends with exactly the silver of one clean run:
// each batch of setlists is one transaction with its entries' records, and a re-run resumes the file by its sha256.
// Batches of 7 (the default is 250, more than this corpus) so the kills land between and inside batches.
describe('crawl import killed with SIGKILL', () => {
  let clean: ImportHarness;
  let killed: ImportHarness;
  beforeAll(async () => {
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: CRAWLER_ROOT, encoding: 'utf8' });
    expect(build.status).toBe(0);
    [clean, killed] = await Promise.all([startImportHarness(), startImportHarness()]);
  });
  afterAll(async () => {
    await clean.close();
    await killed.close();
  });

  const cli = (h: ImportHarness) =>
    spawn(process.execPath, ['dist/main.js', 'import', MIXESDB_CSV_DIR, '--batch', '7'], {
      cwd: CRAWLER_ROOT,
      env: { ...process.env, DATABASE_URL: h.url, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
  const exitOf = (child: ReturnType<typeof cli>) =>
    new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const setlists = (h: ImportHarness) => h.count('SELECT count(*) AS n FROM silver.setlists');

  /** Starts an import and SIGKILLs it once silver holds `killAt` setlists. */
  async function runAndKill(killAt: number): Promise<number | string | null> {
    const child = cli(killed);
    const exited = exitOf(child);
    while ((await setlists(killed)) < killAt && child.exitCode === null) await sleep(10);
    child.kill('SIGKILL');
    return exited;
  }

  it('converges to the clean run after kills at several points, with no entry recorded twice', async () => {
    expect(await exitOf(cli(clean))).toBe(0);
    const expected = await silverChecksum(clean.pool);
    expect(expected).toMatchObject({ setlists: expect.stringMatching(/^258:/) });

    // Kill points spread over the 258 setlists (a seeded pick would be no more honest than these).
    for (const killAt of [3, 61, 140, 229]) expect(await runAndKill(killAt)).toBe('SIGKILL');
    expect(await setlists(killed)).toBeLessThan(258);
    expect(await exitOf(cli(killed))).toBe(0);

    expect(await silverChecksum(killed.pool)).toEqual(expected);
    expect(await killed.count(`SELECT count(*) AS n FROM ops.imports WHERE status <> 'done'`)).toBe(0);
    expect(await killed.count('SELECT count(*) AS n FROM ops.import_items')).toBe(
      await clean.count('SELECT count(*) AS n FROM ops.import_items'),
    );
    const duplicates = await killed.pool.query(
      'SELECT page_id, source_url FROM bronze.setlists GROUP BY page_id, source_url, parser_version HAVING count(*) > 1',
    );
    expect(duplicates.rows).toEqual([]);
  }, 600_000);
});
