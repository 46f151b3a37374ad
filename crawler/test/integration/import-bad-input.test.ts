import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { importCommand } from '../../src/import/import-command';
import { startImportHarness, type ImportHarness } from '../support/import-harness';

// Bad files and rows are reported with where and why; everything good beside them is imported.
describe('crawl import with bad input', () => {
  let h: ImportHarness;
  beforeAll(async () => {
    h = await startImportHarness();
  });
  afterAll(() => h.close());

  it('reports each bad file and row and imports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'songnodes-bad-'));
    mkdirSync(join(dir, 'nested'));
    const header = 'mix_title,mix_url,part,position,timestamp,artist,title,raw';
    const row = (mix: string, position: string, raw: string) =>
      `"${mix}",https://www.mixesdb.com/w/${mix.replace(/ /g, '_')},,${position},,,,"${raw}"`;
    writeFileSync(join(dir, 'broken.json'), '{"/w/2001_-_A_-_X": {"tracklist": "== Tracklist ==\\n# A - B');
    writeFileSync(
      join(dir, 'pages.json'),
      JSON.stringify({ '/w/2003_-_Good_-_Page': { tracklist: '== Tracklist ==\n# A - One\n# B - Two' }, '/w/2003_-_No_-_Text': 42 }),
    );
    writeFileSync(join(dir, 'nested', '2004_-_Wiki_-_Page.wiki'), '== Tracklist ==\n# C - Three\n# D - Four\n');
    writeFileSync(
      join(dir, 'rows.csv'),
      [
        header,
        row('2005 - Bad - Mix', '1', 'E - Five'),
        row('2005 - Bad - Mix', 'two', 'F - Six'),
        row('2006 - Good - Mix', '1', 'G - Seven'),
        row('2006 - Good - Mix', '2', 'H - Eight'),
      ].join('\n'),
    );
    writeFileSync(join(dir, 'blog.html'), '<html><head><title>my blog</title></head><body></body></html>');
    // A CUE sheet with a header and no track: nothing to store, said so, the rest goes on.
    writeFileSync(join(dir, 'set.cue'), 'PERFORMER "Someone"\nTITLE "A set"\nFILE "a set.mp3" MP3\n');
    writeFileSync(join(dir, 'SOURCE.md'), '# notes, not a tracklist');
    writeFileSync(join(dir, 'empty.wiki'), "'''no tracklist here'''");

    const lines: string[] = [];
    const code = await importCommand(
      { pool: h.pool, logger: pino({ level: 'silent' }), workerId: 'test' },
      [dir, join(dir, 'missing.json')],
      { line: (t) => lines.push(t), error: (t) => lines.push(t) },
    );
    expect(code).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain(`${join(dir, 'broken.json')}: not JSON`);
    expect(text).toContain(`${join(dir, 'pages.json')}:1 (/w/2003_-_No_-_Text): value has no wikitext`);
    expect(text).toMatch(/rows\.csv:2 \(https:\/\/www\.mixesdb\.com\/w\/2005_-_Bad_-_Mix\): line 3: position "two"/);
    expect(text).toContain(`${join(dir, 'blog.html')}: an HTML page that is not a saved 1001tracklists page`);

    expect(text).toContain('missing.json: no such file or folder');
    expect(text).toContain('1 × empty: no "== Tracklist ==" section');
    expect(text).toContain('1 × empty: no tracklist found in the text');
    expect(text).not.toContain('SOURCE.md');

    const { rows } = await h.pool.query('SELECT source_id, track_count FROM silver.setlists ORDER BY source_id');
    expect(rows).toEqual([
      { source_id: '2003 - Good - Page', track_count: 2 },
      { source_id: '2004 - Wiki - Page', track_count: 2 },
      { source_id: '2006 - Good - Mix', track_count: 2 },
    ]);
    // The empty CUE sheet is evidence in bronze, refused from silver with its reason.
    expect(await h.count(`SELECT count(*) AS n FROM bronze.setlists WHERE source = 'cue' AND status = 'empty'`)).toBe(1);
  });
});
