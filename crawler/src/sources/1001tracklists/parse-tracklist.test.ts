import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import type { ParsedSetlist, ParsedTrackLine } from '../../parse/types';
import { parse1001Tracklist } from './parse-tracklist';

const readFixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const REAL_URL =
  'https://www.1001tracklists.com/tracklist/1gz59x6t/' +
  'bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';
const realPage = readFixture('tracklist.html');

const rowsOf = (setlist: ParsedSetlist): ParsedTrackLine[] => setlist.parts.flatMap((part) => part.rows);

describe('parse1001Tracklist on the real Bicep page', () => {
  const setlist = parse1001Tracklist(realPage, { sourceUrl: REAL_URL });
  const rows = rowsOf(setlist);

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

  it('takes the label from the page (full publisher name) where shown', () => {
    expect(rows.map((row) => row.label)).toEqual([
      'Ninja Tune',
      'Ostgut Ton',
      'Monkeytown Records',
      'Because Music',
      '!K7 Records',
      'KULØR',
      null,
      null,
      null,
      'Exile',
      '1Ø Pills Mate',
      'Ninja Tune',
      null,
      'Nervous Horizon',
      null,
      'Token Records',
      null,
      null,
      null,
      null,
      'Columbia Records',
      'Ninja Tune',
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

  it('keeps "w/" rows in order as blend rows, folds mashup parts into their mashup row, skips deleted rows', () => {
    expect(rows.map((row) => row.raw)).toEqual([
      'Bicep - Glue',
      'Moderat - Copy Copy (LOGIC1000 & Big Ever Remix)',
      'Barker - Maximum Utility',
      'Bicep vs. Barker - Apricots vs. Utility (Test DJ Mashup)',
      'ID - ID',
      'Bicep - Apricots',
    ]);
    expect(rows.map((row) => row.layered)).toEqual([false, false, true, true, false, false]);
    expect(rows[2]?.warnings).toContain('played together with the previous track ("w/")');
    expect(rows[3]?.warnings).toEqual(
      expect.arrayContaining(['mashup part: Bicep - Apricots (Acappella)', 'mashup part: Barker - Maximum Utility']),
    );
    expect(setlist.warnings).toEqual(['row deleted on 1001tracklists left out: "Wrong Artist - Wrong Track"']);
  });

  it('reads cues: exact ones with seconds, partial ones without', () => {
    expect(rows.map((row) => [row.cue, row.cueSeconds])).toEqual([
      [null, null],
      ['04:30', 270],
      [null, null],
      ['1:02:33', 3753],
      ['1?', null],
      ['1:10:05', 4205],
    ]);
  });

  it('joins several labels', () => {
    expect(rows[1]?.label).toBe('MONKEYTOWN / BPITCH');
    expect(rows[0]?.label).toBe('Ninja Tune');
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

  it('reports fewer rows than the page declares as error, with the rows it read', () => {
    const $ = cheerio.load(realPage);
    $('div.tlpItem').slice(20).remove();
    const setlist = parse1001Tracklist($.html(), { sourceUrl: REAL_URL });
    expect(setlist.status).toBe('error');
    expect(setlist.statusReason).toBe('page declares 22 tracks but only 20 rows were read');
    expect(rowsOf(setlist)).toHaveLength(20);
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
