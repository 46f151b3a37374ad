import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/main';
import { startCrawlHarness, type CrawlHarness } from '../support/crawl-harness';

// `npm run crawl -- targets ...` through the real command code and database.
describe('crawl targets CLI', () => {
  let h: CrawlHarness;
  const saved = process.env.DATABASE_URL;
  const lines: string[] = [];
  const errors: string[] = [];
  const out = { line: (t: string) => void lines.push(t), error: (t: string) => void errors.push(t) };
  beforeAll(async () => {
    h = await startCrawlHarness(new Map());
    process.env.DATABASE_URL = h.env.DATABASE_URL;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = saved;
    await h.close();
  });
  beforeEach(() => {
    lines.length = 0;
    errors.length = 0;
  });

  it('adds a target once per source, and the same track typed differently is the same target', async () => {
    expect(await runCli(['targets', 'add', '--artist', 'Deadmau5', '--title', 'Strobe'], out)).toBe(0);
    expect(lines).toEqual(['added "Deadmau5 - Strobe" for mixesdb, 1001tracklists, setlistfm']);
    expect(await runCli(['targets', 'add', '--artist', ' deadmau5', '--title', 'STROBE '], out)).toBe(0);
    expect(lines[1]).toBe('"deadmau5 - STROBE" is already a target');
  });

  it('imports a CSV, rejecting bad lines with their line number and reason, and lists the targets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'songnodes-import-'));
    const file = join(dir, 'targets.csv');
    writeFileSync(file, 'artist,title\nBen Klock,Subzero\n,No Artist\nRobert Hood,Range\nDeadmau5,Strobe\n');
    expect(await runCli(['targets', 'import', file], out)).toBe(0);
    expect(errors).toEqual([expect.stringMatching(/^rejected line 3: needs both artist and title/)]);
    expect(lines).toEqual(['imported 2 new target(s), 1 already present, 1 rejected']);

    lines.length = 0;
    expect(await runCli(['targets', 'list'], out)).toBe(0);
    expect(lines).toHaveLength(9);
    expect(lines.filter((l) => l.includes('Robert Hood - Range'))).toHaveLength(3);
  });

  it('answers bad usage with exit code 2 and the usage text', async () => {
    expect(await runCli(['targets', 'add', '--artist', 'Only Artist'], out)).toBe(2);
    expect(errors[0]).toMatch(/targets add needs --artist "Artist" and --title "Title"[\s\S]*usage: npm run crawl/);
    expect(await runCli(['run', '--limit', 'zero'], out)).toBe(2);
  });
});
