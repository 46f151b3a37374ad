import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { ESSENTIAL_MIX_JSON, MIXESDB_CSV_DIR, startImportHarness, type ImportHarness } from '../support/import-harness';
import { silverChecksum } from '../support/silver-checksum';

/** Which setlists silver counts as one performance, by identity (performance ids themselves differ between runs). */
async function performanceGroups(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query(
    `SELECT string_agg(source || ':' || source_id, ' + ' ORDER BY source, source_id) AS g
     FROM silver.setlists GROUP BY performance_id HAVING count(*) > 1 ORDER BY 1`,
  );
  return rows.map((r) => r.g as string);
}

/** Everything the two paths must agree on: silver (with transitions, weights, plays), performances, bronze, records. */
async function fingerprint(h: ImportHarness) {
  return {
    silver: await silverChecksum(h.pool),
    performances: await performanceGroups(h.pool),
    counts: (
      await h.pool.query(`SELECT (SELECT count(*) FROM bronze.pages)::int AS pages, (SELECT count(*) FROM bronze.setlists)::int AS parses,
        (SELECT count(*) FROM bronze.setlist_rows)::int AS bronze_rows, (SELECT count(*) FROM silver.transition_occurrences)::int AS occurrences,
        (SELECT sum(setlists)::int FROM silver.transitions) AS transition_setlists`)
    ).rows[0],
    items: (
      await h.pool.query(
        `SELECT entry_key, line, entry_sha256, source, source_url, outcome, reason, rows FROM ops.import_items ORDER BY entry_key`,
      )
    ).rows,
  };
}

// The bulk path (many setlists per transaction, set-based) against the per-setlist path it replaces: the same
// files into two databases must give the same silver, transitions, weights and performances included.
describe('crawl import: the bulk path stores exactly what the per-setlist path stores', () => {
  let perSetlist: ImportHarness;
  let bulk: ImportHarness;
  beforeAll(async () => {
    [perSetlist, bulk] = await Promise.all([startImportHarness(), startImportHarness()]);
  });
  afterAll(async () => {
    await perSetlist.close();
    await bulk.close();
  });

  it('the 878 Essential Mix pages and the MixesDB CSV exports give the same silver checksum both ways', async () => {
    // Both files hold some of the same MixesDB setlists: the second import meets them (unchanged or replaced).
    const paths = [ESSENTIAL_MIX_JSON, MIXESDB_CSV_DIR];
    const one = await perSetlist.import(paths, 'auto', { perSetlist: true });
    // An odd batch size, so batches end mid-way through dates and performances.
    const many = await bulk.import(paths, 'auto', { batchSize: 97 });
    expect(one.setlists.written).toBeGreaterThan(1000);
    expect(many.toJSON()).toEqual({ ...one.toJSON(), seconds: many.seconds });

    const expected = await fingerprint(perSetlist);
    expect(expected.silver.transitions).not.toMatch(/^0:/);
    expect(expected.performances.length).toBeGreaterThan(0);
    expect(await fingerprint(bulk)).toEqual(expected);
  }, 900_000);

  it('a second bulk import writes nothing', async () => {
    const before = await fingerprint(bulk);
    const again = await bulk.import([ESSENTIAL_MIX_JSON, MIXESDB_CSV_DIR]);
    expect(again.setlists.written).toBe(0);
    expect(again.files.imported).toBe(0);
    expect(again.files.skipped).toBeGreaterThan(1);
    expect(await fingerprint(bulk)).toEqual(before);
  }, 300_000);
});

/** A MixesDB wikitext JSON map of pages (title -> tracklist lines), as the real corpus has them. */
function wikitextMap(pages: [string, string[]][]): string {
  const map: Record<string, { tracklist: string }> = {};
  for (const [title, lines] of pages)
    map[`/w/${title.replace(/ /g, '_')}`] = { tracklist: `== Tracklist ==\n\n${lines.map((l) => `# ${l}`).join('\n')}\n` };
  return JSON.stringify(map, null, 1);
}

// A track written two ways resolves to one row whose spelling is the first in the file's order, however the file
// is cut into batches (and as the per-setlist path has it); the same setlist twice in one batch is stored in order.
describe('crawl import: deterministic spelling and repeats within one batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'songnodes-bulk-'));
  const file = join(dir, 'spellings.json');
  writeFileSync(
    file,
    wikitextMap([
      [
        '2001-01-01 - DJ One - Essential Mix',
        ['Underworld - Born Slippy (NUXX)', 'ORBITAL - chime', 'Leftfield - Open Up', 'orbital - CHIME'],
      ],
      ['2001-01-08 - DJ Two - Essential Mix', ['Orbital - Chime', 'UNDERWORLD - born slippy (nuxx)', 'Leftfield - Open Up']],
      ['2001-01-15 - DJ Three - Essential Mix', ['leftfield - open up', 'Orbital - Chime', 'Underworld - Born Slippy (NUXX)']],
    ]),
  );
  const spellings = async (h: ImportHarness) =>
    (await h.pool.query(`SELECT track_key, artist_credit, title, version FROM silver.tracks ORDER BY track_key`)).rows;

  it('gives every batch size and the per-setlist path the same tracks, spelled as first written', async () => {
    const results = [];
    for (const path of [{ perSetlist: true }, { batchSize: 1 }, { batchSize: 2 }, { batchSize: 50 }]) {
      const h = await startImportHarness();
      try {
        const summary = await h.import([file], 'auto', path);
        expect(summary.setlists.written).toBe(3);
        results.push({ tracks: await spellings(h), silver: await silverChecksum(h.pool) });
      } finally {
        await h.close();
      }
    }
    const [first] = results;
    expect(first?.tracks).toEqual([
      expect.objectContaining({ artist_credit: 'Leftfield', title: 'Open Up' }),
      expect.objectContaining({ artist_credit: 'ORBITAL', title: 'chime' }),
      expect.objectContaining({ artist_credit: 'Underworld', title: 'Born Slippy (NUXX)' }),
    ]);
    for (const r of results) expect(r).toEqual(first);
  }, 300_000);

  it('stores a setlist that appears twice in one batch once, the later copy replacing the earlier', async () => {
    const twice = join(dir, 'twice');
    mkdirSync(twice);
    const page = (lines: string[]) => wikitextMap([['2002-02-02 - DJ Four - Essential Mix', lines]]);
    writeFileSync(join(twice, 'a.json'), page(['Orbital - Chime', 'Leftfield - Open Up']));
    writeFileSync(join(twice, 'b.json'), page(['Orbital - Chime', 'Underworld - Born Slippy']));
    const results = [];
    for (const path of [{ perSetlist: true }, { batchSize: 50 }]) {
      const h = await startImportHarness();
      try {
        await h.import([twice], 'auto', path);
        results.push(await fingerprint(h));
        const transitions = await h.pool.query(
          `SELECT f.title || ' > ' || t.title AS pair, tr.weight FROM silver.transitions tr JOIN silver.tracks f ON f.id = tr.from_track_id
           JOIN silver.tracks t ON t.id = tr.to_track_id WHERE tr.weight > 0 ORDER BY 1`,
        );
        expect(transitions.rows).toEqual([{ pair: 'Chime > Born Slippy', weight: 1 }]);
      } finally {
        await h.close();
      }
    }
    expect(results[1]).toEqual(results[0]);
  }, 300_000);
});

// An entry PostgreSQL refuses (a NUL character: text cannot hold one) fails its whole batch; the batch is stored
// again one entry at a time, so the bad entry is refused with its reason and the rest of the batch is stored.
describe('crawl import: an entry the database refuses inside a batch', () => {
  it('is refused with its reason while the rest of its batch is stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'songnodes-bulk-bad-'));
    const file = join(dir, 'nul.json');
    writeFileSync(
      file,
      wikitextMap([
        ['2003-03-01 - DJ Five - Essential Mix', ['Orbital - Chime', 'Leftfield - Open Up']],
        ['2003-03-08 - DJ Six - Essential Mix', ['Orbital - Chime', 'Under\u0000world - Born Slippy']],
        ['2003-03-15 - DJ Seven - Essential Mix', ['Leftfield - Open Up', 'Orbital - Chime']],
      ]),
    );
    const h = await startImportHarness();
    try {
      const summary = await h.import([file], 'auto', { batchSize: 50 });
      expect(summary.setlists.written).toBe(2);
      expect(summary.refusals).toEqual([
        expect.objectContaining({
          file,
          key: '/w/2003-03-08_-_DJ_Six_-_Essential_Mix',
          reason: expect.stringMatching(/^could not be stored: /),
        }),
      ]);
      const { rows } = await h.pool.query(`SELECT entry_key, outcome FROM ops.import_items ORDER BY entry_key`);
      expect(rows).toEqual([
        { entry_key: '/w/2003-03-01_-_DJ_Five_-_Essential_Mix', outcome: 'written' },
        { entry_key: '/w/2003-03-08_-_DJ_Six_-_Essential_Mix', outcome: 'refused' },
        { entry_key: '/w/2003-03-15_-_DJ_Seven_-_Essential_Mix', outcome: 'written' },
      ]);
    } finally {
      await h.close();
    }
  }, 300_000);
});
