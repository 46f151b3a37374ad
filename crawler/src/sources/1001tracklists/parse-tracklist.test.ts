import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import type { ParsedSetlist, ParsedTrackLine } from '@songnodes/parsing';
import { parse1001Tracklist } from './parse-tracklist';

const readFixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const REAL_URL =
  'https://www.1001tracklists.com/tracklist/1gz59x6t/' + 'bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';
const realPage = readFixture('tracklist.html');

const rowsOf = (setlist: ParsedSetlist): ParsedTrackLine[] => setlist.parts.flatMap((part) => part.rows);

describe('parse1001Tracklist on the real Bicep page', () => {
  const setlist = parse1001Tracklist(realPage, { sourceUrl: REAL_URL });
  const rows = rowsOf(setlist);

  it('stores the canonical URL the page declares, never the origin it was fetched from', () => {
    const replayed = parse1001Tracklist(realPage, { sourceUrl: `http://127.0.0.1:41234${new URL(REAL_URL).pathname}?x=1` });
    expect(replayed).toMatchObject({ sourceUrl: REAL_URL, sourceId: '1gz59x6t' });
  });

  it('reads the page metadata', () => {
    expect(setlist).toMatchObject({
      source: '1001tracklists',
      sourceUrl: REAL_URL,
      sourceId: '1gz59x6t',
      title: 'Bicep - The Warehouse Project, RDM Rotterdam, Netherlands 2023-04-28',
      djs: ['Bicep'],
      event: 'The Warehouse Project',
      venue: 'RDM Rotterdam',
      location: 'Netherlands',
      dateText: '2023-04-28',
      date: '2023-04-28',
      status: 'ok',
      statusReason: null,
    });
    expect(setlist.parts).toHaveLength(1);
    expect(setlist.parts[0]).toMatchObject({ index: 0, name: null });
  });

  it('yields its 22 rows in order', () => {
    expect(rows.map((row) => row.raw)).toEqual([
      'Bicep - Apricots',
      "Barker - Look How Hard I've Tried",
      'Moderat - Copy Copy (LOGIC1000 & Big Ever Remix)',
      'Jeshi - 3210 (Ross From Friends Remix)',
      'Villager - Monocyclical',
      'Reece Cox - Emotion 1',
      'Dylan Fogarty - Kept Aside',
      'ID - ID',
      'Bicep - ID',
      'Johannes Heil - Exile 007 B2',
      'DJ Heartstring - Lost In Emotion',
      'Bicep ft. Clara La San - Water',
      'ID - ID',
      'Peder Mannerfelt - Big Ball',
      'Barker - Maximum Utility',
      'Planetary Assault Systems - Devotion (Truncate Remix)',
      'Leod - Untitled 01',
      'Bicep ft. Clara La San - ID',
      'ID - ID',
      'Bicep - ID',
      'Virgil Abloh ft. Serpentwithfeet - Delicate Limbs (Special Request Remix)',
      'Bicep - Glue',
    ]);
  });

  it('flags the six rows the page has not IDed, and only those', () => {
    const unidentified = rows.flatMap((row, index) => (row.unidentified ? [index] : []));
    expect(unidentified).toEqual([7, 8, 12, 17, 18, 19]);
    expect(rows[7]).toMatchObject({ artistValid: false });
    expect(rows[8]).toMatchObject({ artist: 'Bicep', artistValid: true });
  });

  it('builds identified rows through the shared track-line parser', () => {
    expect(rows[0]).toMatchObject({ artist: 'Bicep', title: 'Apricots', version: null, artistValid: true });
    expect(rows[2]).toMatchObject({ artist: 'Moderat', title: 'Copy Copy', version: 'LOGIC1000 & Big Ever Remix' });
    expect(rows[15]).toMatchObject({ title: 'Devotion', version: 'Truncate Remix', remixers: ['Truncate'] });
    expect(rows[11]).toMatchObject({ artist: 'Bicep ft. Clara La San', title: 'Water', featured: ['Clara La San'] });
    expect(rows.every((row) => row.layered === false)).toBe(true);
  });

  it('takes the label badge the row shows, without the parent company ("COLUMBIA (SONY)" -> "COLUMBIA")', () => {
    expect(rows.map((row) => row.label)).toEqual([
      'NINJA',
      'OSTGUT',
      'MONKEYTOWN',
      'BECAUSE MUSIC',
      '!K7',
      'KULØR',
      null,
      null,
      null,
      'EXILE',
      '1Ø PILLS MATE',
      'NINJA',
      null,
      'NERVOUS HORIZON',
      null,
      'TOKEN',
      null,
      null,
      null,
      null,
      'COLUMBIA',
      'NINJA',
    ]);
  });

  it('has no cue on any row (the page shows none; its hidden inputs all say 0)', () => {
    expect(rows.every((row) => row.cue === null && row.cueSeconds === null)).toBe(true);
  });

  it('keeps the "(Live Edit)" note as a warning, not as a version', () => {
    expect(rows[0]?.version).toBeNull();
    expect(rows[0]?.warnings).toContain('1001tracklists edit note: Live Edit');
    expect(rows[21]?.warnings).toContain('1001tracklists edit note: Live Edit');
  });
});

describe('parse1001Tracklist on markup the real page lacks (synthetic page)', () => {
  const synthetic = readFixture('synthetic-cues-w-mashup.html');
  const setlist = parse1001Tracklist(synthetic, { sourceUrl: 'https://example.test/tl' });
  const rows = rowsOf(setlist);

  it('reads DJs from the title links, in order', () => {
    expect(setlist).toMatchObject({ status: 'ok', djs: ['Test DJ', 'Other DJ'], sourceId: 'zz99yy88' });
    expect(setlist).toMatchObject({
      event: 'Test Festival',
      venue: 'Main Stage',
      location: 'Belgium',
      date: '2024-07-20',
    });
  });

  it('keeps "w/" rows and mashup parts in order as layered rows of their own, skips deleted rows', () => {
    expect(rows.map((row) => row.raw)).toEqual([
      'Bicep - Glue',
      'Moderat - Copy Copy (LOGIC1000 & Big Ever Remix)',
      'Barker - Maximum Utility',
      'Bicep vs. Barker - Apricots vs. Utility (Test DJ Mashup)',
      'Bicep - Apricots (Acappella)',
      'Barker - Maximum Utility',
      'ID - ID',
      'Bicep - Apricots',
    ]);
    expect(rows.map((row) => row.layered)).toEqual([false, false, true, false, true, true, false, false]);
    expect(rows[2]?.warnings).toContain('played together with the previous track ("w/")');
    expect(rows[4]?.warnings).toContain('part of the mashup at row 4');
    expect(setlist.warnings).toEqual(['row deleted on 1001tracklists left out: "Wrong Artist - Wrong Track"']);
  });

  it('reads cues: exact ones with seconds, partial ones without', () => {
    expect(rows.map((row) => [row.cue, row.cueSeconds])).toEqual([
      [null, null],
      ['04:30', 270],
      [null, null],
      ['1:02:33', 3753],
      [null, null],
      [null, null],
      ['1?', null],
      ['1:10:05', 4205],
    ]);
  });

  it('joins several label badges', () => {
    expect(rows[1]?.label).toBe('MONKEYTOWN / BPITCH');
    expect(rows[0]?.label).toBe('NINJA');
  });
});

describe('parse1001Tracklist status', () => {
  it('reports the anti-bot interstitial as blocked, never as empty or ok', () => {
    const setlist = parse1001Tracklist(readFixture('captcha.html'), { sourceUrl: REAL_URL });
    expect(setlist.status).toBe('blocked');
    expect(setlist.statusReason).toMatch(/captcha/);
    expect(setlist.parts).toEqual([]);
    expect(setlist.title).toBeNull();
  });

  it('reports a complete tracklist page without rows as empty', () => {
    const $ = cheerio.load(realPage);
    $('div.tlpItem').remove();
    const setlist = parse1001Tracklist($.html(), { sourceUrl: REAL_URL });
    expect(setlist.status).toBe('empty');
    expect(setlist.statusReason).toBe('tracklist has no rows although the page declares 22 tracks');
    expect(setlist.title).toBe('Bicep - The Warehouse Project, RDM Rotterdam, Netherlands 2023-04-28');
  });

  it('keeps a complete page with fewer rows than it declares, and says so', () => {
    const $ = cheerio.load(realPage);
    $('div.tlpItem').slice(20).remove();
    const setlist = parse1001Tracklist($.html(), { sourceUrl: REAL_URL });
    expect(setlist.status).toBe('ok');
    expect(setlist.warnings).toContain('the page declares 22 tracks; 20 rows were read');
    expect(rowsOf(setlist)).toHaveLength(20);
  });

  it('keeps a row it cannot read as an unidentified row with a warning, in its place', () => {
    const $ = cheerio.load(realPage);
    $('div.tlpItem').eq(3).find('.bCont').remove();
    const setlist = parse1001Tracklist($.html(), { sourceUrl: REAL_URL });
    const rows = rowsOf(setlist);
    expect(setlist.status).toBe('ok');
    expect(rows).toHaveLength(22);
    expect(rows[3]).toMatchObject({ raw: '', unidentified: true, layered: false });
    expect(rows[3]?.warnings).toContain('row has no track text: left unidentified');
    expect(rows[4]?.raw).toBe('Villager - Monocyclical');
  });

  it('reads what a row shows when its name microdata is empty', () => {
    const page = realPage.replace('content="Villager - Monocyclical"', 'content=" "');
    expect(rowsOf(parse1001Tracklist(page, { sourceUrl: REAL_URL }))[4]).toMatchObject({ raw: 'Villager - Monocyclical', label: '!K7' });
  });

  it('does not take a gap in data-trno for a missing row (real 2023/2025 pages skip numbers)', () => {
    const renumbered = realPage.replace(
      /data-trno="(\d+)"/g,
      (_whole, number: string) => `data-trno="${Number(number) >= 3 ? Number(number) + 1 : number}"`,
    );
    const setlist = parse1001Tracklist(renumbered, { sourceUrl: REAL_URL });
    expect(setlist).toMatchObject({ status: 'ok', warnings: [] });
    expect(rowsOf(setlist).map((row) => row.raw)).toEqual(
      rowsOf(parse1001Tracklist(realPage, { sourceUrl: REAL_URL })).map((row) => row.raw),
    );
  });

  it('falls back to the fetched tracklist path on the live origin when the page declares no canonical URL', () => {
    const bare = realPage
      .replace(/<link[^>]*rel="canonical"[^>]*>/, '')
      .replace(/<meta[^>]*property="og:url"[^>]*>/, '')
      .replace(/<meta[^>]*itemprop="mainEntityOfPage"[^>]*>/, '');
    const setlist = parse1001Tracklist(bare, { sourceUrl: 'http://127.0.0.1:4100/tracklist/1gz59x6t/x.html' });
    expect(setlist).toMatchObject({
      status: 'ok',
      sourceId: '1gz59x6t',
      sourceUrl: 'https://www.1001tracklists.com/tracklist/1gz59x6t/x.html',
    });
    expect(setlist.warnings).toEqual(['the page gives no canonical tracklist URL: the path it was fetched from stands in']);
  });

  it('reports a page that is not a tracklist as error', () => {
    const setlist = parse1001Tracklist('<html><body><p>Moved</p></body></html>', { sourceUrl: REAL_URL });
    expect(setlist).toMatchObject({ status: 'error', parts: [{ rows: [] }] });
    expect(setlist.statusReason).toMatch(/no tracklist/);
  });

  it.each([0.1, 0.5, 0.9])('never reports the page cut at %p as ok, and keeps the rows it read', (fraction) => {
    const cut = realPage.slice(0, Math.floor(realPage.length * fraction));
    const setlist = parse1001Tracklist(cut, { sourceUrl: REAL_URL });
    expect(setlist.status).toBe('error');
    expect(setlist.statusReason).toMatch(/^page is truncated \(no closing <\/html>\); read \d+ of/);
    const rows = rowsOf(setlist);
    expect(rows.map((row) => row.raw)).toEqual(
      rowsOf(parse1001Tracklist(realPage, { sourceUrl: REAL_URL }))
        .slice(0, rows.length)
        .map((row) => row.raw),
    );
  });

  it('never throws on a page cut anywhere', () => {
    for (let percent = 0; percent < 100; percent += 3) {
      const cut = realPage.slice(0, Math.floor((realPage.length * percent) / 100));
      expect(() => parse1001Tracklist(cut, { sourceUrl: REAL_URL })).not.toThrow();
      expect(parse1001Tracklist(cut, { sourceUrl: REAL_URL }).status).toBe('error');
    }
  });

  it('never throws on input that is not text', () => {
    const setlist = parse1001Tracklist(undefined as unknown as string, { sourceUrl: REAL_URL });
    expect(setlist.status).toBe('error');
  });
});
