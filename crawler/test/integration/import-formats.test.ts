import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ESSENTIAL_MIX_JSON,
  MIXESDB_CSV_DIR,
  TRACKLIST_1001_HTML,
  startImportHarness,
  type ImportHarness,
} from '../support/import-harness';
import { silverChecksum } from '../support/silver-checksum';

// Each import format, on the real material bundled in the repo, through the same bronze -> silver path as a crawl.
describe('crawl import: MixesDB wikitext', () => {
  let h: ImportHarness;
  beforeAll(async () => {
    h = await startImportHarness();
  });
  afterAll(() => h.close());

  it('stores the 878 Essential Mix pages: 840 setlists with 25,520 rows, 38 empty pages kept as bronze evidence', async () => {
    const summary = await h.import([ESSENTIAL_MIX_JSON]);
    expect(summary.setlists.written).toBe(840);
    expect(summary.rows).toBe(25_520);
    expect(summary.setlists.notRefined).toEqual({ 'empty: no "== Tracklist ==" section': 29, 'empty: tracklist section has no rows': 9 });
    expect(await silverChecksum(h.pool)).toMatchObject({
      setlists: expect.stringMatching(/^840:/),
      setlist_tracks: expect.stringMatching(/^25520:/),
    });
    expect(await h.count(`SELECT count(*) AS n FROM bronze.pages WHERE kind = 'import' AND http_status IS NULL`)).toBe(878);
    expect(await h.count(`SELECT count(*) AS n FROM bronze.setlists`)).toBe(878);
    const first = await h.pool.query(
      `SELECT s.source, s.source_id, s.source_url, s.date::text, i.path, i.file_sha256, it.line, p.url
       FROM silver.setlists s JOIN bronze.setlists b ON b.id = s.bronze_setlist_id JOIN bronze.pages p ON p.id = b.page_id
       JOIN ops.import_items it ON it.page_id = p.id JOIN ops.imports i ON i.id = it.import_id
       WHERE s.source_id = '1995-02-19 - Evil Eddie Richards - Essential Mix'`,
    );
    expect(first.rows).toEqual([
      {
        source: 'mixesdb',
        source_id: '1995-02-19 - Evil Eddie Richards - Essential Mix',
        source_url: 'https://www.mixesdb.com/w/1995-02-19_-_Evil_Eddie_Richards_-_Essential_Mix',
        date: '1995-02-19',
        path: ESSENTIAL_MIX_JSON,
        file_sha256: '78d43c2168433cde6e2845efaaf15182aa566f9d6c3b58520eff9035675b9081',
        line: 2,
        url: 'import:essential-mix-1993-2009.json#/w/1995-02-19_-_Evil_Eddie_Richards_-_Essential_Mix',
      },
    ]);
  });

  it('a second import of the same file writes nothing and reads no entry', async () => {
    const before = await silverChecksum(h.pool);
    const items = await h.count('SELECT count(*) AS n FROM ops.import_items');
    const summary = await h.import([ESSENTIAL_MIX_JSON]);
    expect(summary.files).toMatchObject({ seen: 1, imported: 0, skipped: 1 });
    expect(summary.setlists).toMatchObject({ written: 0, unchanged: 0 });
    expect(summary.entries.skipped).toBe(878);
    expect(await silverChecksum(h.pool)).toEqual(before);
    expect(await h.count('SELECT count(*) AS n FROM ops.import_items')).toBe(items);
    expect(await h.count('SELECT count(*) AS n FROM bronze.pages')).toBe(878);
  });

  it('an edited copy re-reads only the changed page; .wiki files of the same pages are the same setlists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'songnodes-import-'));
    const pages = JSON.parse(readFileSync(ESSENTIAL_MIX_JSON, 'utf8')) as Record<string, { tracklist: string }>;
    const [firstKey, secondKey, thirdKey] = Object.keys(pages) as [string, string, string];
    pages[firstKey]!.tracklist = pages[firstKey]!.tracklist.replace('# Hex - Tricky Jazz [DSR]', '# Hex - Tricky Jazz (Dub Mix) [DSR]');
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(pages));
    const edited = await h.import([join(dir, 'edited.json')]);
    expect(edited.entries.known).toBe(877);
    expect(edited.setlists.written).toBe(1);

    for (const key of [secondKey, thirdKey]) writeFileSync(join(dir, `${key.slice(3)}.wiki`), pages[key]!.tracklist);
    const before = await silverChecksum(h.pool);
    const wiki = await h.import([dir], 'auto');
    expect(wiki.files.imported).toBe(2);
    expect(wiki.setlists).toMatchObject({ written: 0, unchanged: 2 });
    expect(await silverChecksum(h.pool)).toEqual(before);
  });
});

describe('crawl import: MixesDB CSV and saved 1001tracklists pages', () => {
  let h: ImportHarness;
  beforeAll(async () => {
    h = await startImportHarness();
  });
  afterAll(() => h.close());

  it('stores the CSV sample: 257 MixesDB mixes (3 shared by two files stored once) and the mix-less file as text', async () => {
    const summary = await h.import([MIXESDB_CSV_DIR]);
    expect(summary.files).toMatchObject({ seen: 14, imported: 14, refused: 0 });
    expect(summary.setlists.written).toBe(258);
    expect(summary.entries.known).toBe(3);
    const bySource = await h.pool.query(
      'SELECT source, count(*)::int AS setlists, sum(track_count)::int AS rows FROM silver.setlists GROUP BY source ORDER BY source',
    );
    expect(bySource.rows).toEqual([
      { source: 'mixesdb', setlists: 257, rows: 6_363 }, // 6,362 CSV rows, one holding two layered tracks
      { source: 'text', setlists: 1, rows: 20 },
    ]);
  });

  it('stores the saved Bicep page as 1001tracklists tracklist 1gz59x6t with its 22 rows', async () => {
    const summary = await h.import([TRACKLIST_1001_HTML]);
    expect(summary.setlists.written).toBe(1);
    const { rows } = await h.pool.query(
      `SELECT source, source_id, source_url, track_count FROM silver.setlists WHERE source = '1001tracklists'`,
    );
    expect(rows).toEqual([
      {
        source: '1001tracklists',
        source_id: '1gz59x6t',
        source_url:
          'https://www.1001tracklists.com/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html',
        track_count: 22,
      },
    ]);
  });
});
