import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIXESDB_FIXTURES_DIR } from '../../replay/mixesdb-sample';
import type { ImportFile } from '../types';
import { readerFor } from '.';
import { readMixesdbCsv } from './mixesdb-csv';
import { readMixesdbWikitext } from './mixesdb-wikitext';
import { readTracklists1001Html } from './tracklists1001-html';

const ROOT = join(__dirname, '..', '..', '..', '..');
const ESSENTIAL_MIX = join(ROOT, 'data', 'mixesdb-wikitext', 'essential-mix-1993-2009.json');
const TRACKLIST_1001 = join(ROOT, 'crawler', 'src', 'sources', '1001tracklists', 'fixtures', 'tracklist.html');

function fileAt(path: string, name = path.split('/').pop() as string): ImportFile {
  return { path, name, text: readFileSync(path, 'utf8') };
}
const rowsOf = (s: { parts: { rows: unknown[] }[] }) => s.parts.reduce((n, p) => n + p.rows.length, 0);

describe('MixesDB wikitext JSON (the bundled Essential Mix pages)', () => {
  const { entries, refused } = readMixesdbWikitext(fileAt(ESSENTIAL_MIX));

  it('gives one entry per page, each the MixesDB setlist of that title', () => {
    expect(entries).toHaveLength(878);
    expect(refused).toEqual([]);
    const first = entries[0]!;
    expect(first.key).toBe('/w/1995-02-19_-_Evil_Eddie_Richards_-_Essential_Mix');
    expect(first.line).toBe(2);
    const parsed = first.parse();
    expect(parsed).toMatchObject({
      source: 'mixesdb',
      sourceId: '1995-02-19 - Evil Eddie Richards - Essential Mix',
      sourceUrl: 'https://www.mixesdb.com/w/1995-02-19_-_Evil_Eddie_Richards_-_Essential_Mix',
      date: '1995-02-19',
      djs: ['Evil Eddie Richards'],
      status: 'ok',
    });
    expect(parsed.parts[0]?.rows[0]?.raw).toContain('The Good Place');
  });

  it('parses 840 tracklists with 25,520 rows (a line holding two layered tracks gives two rows); the 38 others are empty pages', () => {
    const parsed = entries.map((e) => e.parse());
    const ok = parsed.filter((p) => p.status === 'ok');
    expect(ok).toHaveLength(840);
    expect(ok.reduce((n, p) => n + rowsOf(p), 0)).toBe(25_520);
    expect(parsed.filter((p) => p.status === 'empty')).toHaveLength(38);
  });

  it('gives each entry its own line and hash', () => {
    expect(new Set(entries.map((e) => e.sha256)).size).toBe(878);
    const lines = entries.map((e) => e.line ?? 0);
    expect(lines.every((line, i) => i === 0 || line > (lines[i - 1] ?? 0))).toBe(true);
  });
});

describe('bad JSON files and entries', () => {
  it('refuses a file that is not JSON, with the parser message', () => {
    const result = readMixesdbWikitext({ path: 'x.json', name: 'x.json', text: '{"/w/A": ' });
    expect(result.entries).toEqual([]);
    expect(result.refused[0]?.reason).toMatch(/^not JSON/);
  });

  it('refuses an entry without wikitext and keeps the others', () => {
    const text = JSON.stringify(
      { '/w/2001_-_A_-_B': { tracklist: '== Tracklist ==\n# A - B' }, '/w/2002_-_C_-_D': { date: 'x' } },
      null,
      1,
    );
    const result = readMixesdbWikitext({ path: 'x.json', name: 'x.json', text });
    expect(result.entries.map((e) => e.key)).toEqual(['/w/2001_-_A_-_B']);
    expect(result.refused).toEqual([{ key: '/w/2002_-_C_-_D', line: 5, reason: expect.stringContaining('no wikitext') }]);
  });
});

it('a .wiki file is the page its name says', () => {
  const [entry] = readMixesdbWikitext({
    path: '/x/2000-04-09_-_Parks_%26_Wilson_-_Essential_Mix.wiki',
    name: '2000-04-09_-_Parks_%26_Wilson_-_Essential_Mix.wiki',
    text: '== Tracklist ==\n# A - B\n# C - D',
  }).entries;
  expect(entry?.parse()).toMatchObject({ sourceId: '2000-04-09 - Parks & Wilson - Essential Mix', status: 'ok' });
});

describe('MixesDB CSV exports (the bundled sample)', () => {
  const files = readdirSync(MIXESDB_FIXTURES_DIR)
    .filter((n) => n.endsWith('_tracklists.csv'))
    .sort();
  const results = files.map((name) => readMixesdbCsv(fileAt(join(MIXESDB_FIXTURES_DIR, name))));

  it('gives one entry per mix: 260 in the 13 files, 257 distinct pages, 6,466 rows (one line holds two layered tracks)', () => {
    expect(results.flatMap((r) => r.refused)).toEqual([]);
    const entries = results.flatMap((r) => r.entries);
    expect(entries).toHaveLength(260);
    expect(new Set(entries.map((e) => e.key)).size).toBe(257);
    const parsed = entries.map((e) => e.parse());
    expect(parsed.every((p) => p.source === 'mixesdb' && p.status === 'ok')).toBe(true);
    expect(parsed.reduce((n, p) => n + rowsOf(p), 0)).toBe(6_466);
  });

  it('a mix in two files is the same entry text, so it is stored once', () => {
    const byKey = new Map<string, Set<string>>();
    for (const e of results.flatMap((r) => r.entries)) byKey.set(e.key, (byKey.get(e.key) ?? new Set()).add(e.sha256));
    expect(byKey.size).toBe(257);
    expect([...byKey.values()].every((hashes) => hashes.size === 1)).toBe(true);
  });

  it('keeps parts and cues as the page has them', () => {
    const mix = results.flatMap((r) => r.entries).find((e) => e.key.includes('2017-10-22_-_Ben_Klock_@_Awakenings'));
    const parsed = mix?.parse();
    expect(parsed?.sourceId).toBe('2017-10-22 - Ben Klock @ Awakenings x Klockworks Pres. Photon, Gashouder, ADE');
    expect(parsed?.parts[0]?.rows.some((r) => r.cue === '045')).toBe(true);
  });

  it('a file without mix columns is one text tracklist, identified by its rows', () => {
    const { entries, refused } = readMixesdbCsv(fileAt(join(MIXESDB_FIXTURES_DIR, 'tracklist.csv')));
    expect(refused).toEqual([]);
    expect(entries).toHaveLength(1);
    const parsed = entries[0]!.parse();
    expect(parsed).toMatchObject({ source: 'text', title: 'tracklist', djs: [], status: 'ok' });
    expect(parsed.sourceUrl).toMatch(/^urn:sha256:/);
    expect(rowsOf(parsed)).toBe(20);
  });
});

describe('bad CSV rows', () => {
  const header = 'mix_title,mix_url,part,position,timestamp,artist,title,raw';
  const row = (mix: string, position: string, raw: string) =>
    `"${mix}",https://www.mixesdb.com/w/${mix.replace(/ /g, '_')},,${position},,,,"${raw}"`;

  it('refuses a mix with an unreadable row inside it, with the line, and keeps the other mixes', () => {
    const text = [
      header,
      row('2001 - A - X', '1', 'A - One'),
      '"2001 - A - X",broken,"unclosed,1',
      row('2001 - A - X', '3', 'A - Three'),
      row('2002 - B - Y', '1', 'B - One'),
      row('2002 - B - Y', '2', 'B - Two'),
    ].join('\n');
    const { entries, refused } = readMixesdbCsv({ path: 'x.csv', name: 'x.csv', text });
    expect(entries.map((e) => e.key)).toEqual(['https://www.mixesdb.com/w/2002_-_B_-_Y']);
    expect(refused.map((r) => r.line)).toContain(3);
    expect(
      refused.some((r) => r.key === 'https://www.mixesdb.com/w/2001_-_A_-_X' && /line 3 of this mix is unreadable/.test(r.reason)),
    ).toBe(true);
  });

  it('refuses a mix whose position is not a number', () => {
    const text = [header, row('2001 - A - X', '1', 'A - One'), row('2001 - A - X', 'two', 'A - Two')].join('\n');
    const { entries, refused } = readMixesdbCsv({ path: 'x.csv', name: 'x.csv', text });
    expect(entries).toEqual([]);
    expect(refused[0]).toMatchObject({ line: 2, reason: expect.stringContaining('line 3: position "two"') });
  });

  it('refuses a file whose header lacks the raw column', () => {
    expect(readMixesdbCsv({ path: 'x.csv', name: 'x.csv', text: 'a,b\n1,2\n' }).refused[0]?.reason).toMatch(/lacks position, raw/);
  });
});

describe('saved 1001tracklists pages', () => {
  it('reads the real page as the tracklist its canonical link names', () => {
    const { entries } = readTracklists1001Html(fileAt(TRACKLIST_1001));
    const parsed = entries[0]!.parse();
    expect(parsed).toMatchObject({
      source: '1001tracklists',
      sourceId: '1gz59x6t',
      sourceUrl: 'https://www.1001tracklists.com/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html',
      status: 'ok',
    });
    expect(rowsOf(parsed)).toBe(22);
  });

  it('refuses a page that names no tracklist', () => {
    expect(
      readTracklists1001Html({ path: 'x.html', name: 'x.html', text: '<html><head></head><body>1001tracklists</body></html>' }).refused,
    ).toHaveLength(1);
  });
});

it('a build without a parser refuses the format as not available; with one it reads', () => {
  expect(readerFor('cue', { cue: null, text: null })).toEqual({ unavailable: expect.stringContaining('not available yet') });
  const found = readerFor('text', {
    cue: null,
    text: () => ({
      title: 'My set',
      djs: ['Me'],
      event: null,
      venue: null,
      location: null,
      dateText: null,
      date: null,
      status: 'ok',
      statusReason: null,
      parts: [],
      warnings: [],
      givenUrl: 'http://www.mixcloud.com/me/my-set/',
    }),
  });
  if (!('reader' in found)) throw new Error('expected a reader');
  const parsed = found.reader({ path: 'set.txt', name: 'set.txt', text: 'Me - My set' }).entries[0]?.parse();
  expect(parsed).toMatchObject({ source: 'text', sourceUrl: 'https://mixcloud.com/me/my-set', title: 'My set' });
});

describe('CUE sheets and plain-text files, with the free-text reader', () => {
  it('reads the real CUE sheet made from a 1001tracklists page: 12 rows, its performer as the DJ, a hash identity', () => {
    const text = readFileSync(join(__dirname, '../../../../parsing/src/free-text/fixtures/mat-zo-abgt500-2022-10-15.cue'), 'utf8');
    const found = readerFor('cue');
    if (!('reader' in found)) throw new Error('expected a reader');
    const parsed = found.reader({ path: 'mat-zo.cue', name: 'mat-zo.cue', text }).entries[0]!.parse();
    expect(parsed).toMatchObject({
      source: 'cue',
      status: 'ok',
      djs: ['Mat Zo'],
      sourceUrl: expect.stringMatching(/^urn:sha256:[0-9a-f]{64}$/),
    });
    expect(rowsOf(parsed)).toBe(12);
  });

  it('reads a text file: header for DJ, date, title and source URL, then the list', () => {
    const text = [
      'DJ: Ben Klock',
      'Date: 2024-05-01',
      'Title: Klubnacht',
      'URL: https://www.mixcloud.com/bk/klubnacht/',
      '',
      '01. Trevino - Sombre Tones [Klockworks]',
      '02. Ben Klock - Subzero (Ben Klock Remix)',
      '03. ID - ID',
    ].join('\n');
    const found = readerFor('text');
    if (!('reader' in found)) throw new Error('expected a reader');
    const parsed = found.reader({ path: 'bk.txt', name: 'bk.txt', text }).entries[0]!.parse();
    expect(parsed).toMatchObject({
      source: 'text',
      status: 'ok',
      djs: ['Ben Klock'],
      date: '2024-05-01',
      title: 'Klubnacht',
      sourceUrl: 'https://mixcloud.com/bk/klubnacht',
    });
    const rows = parsed.parts.flatMap((p) => p.rows);
    expect(rows.map((r) => [r.artist, r.title, r.unidentified])).toEqual([
      ['Trevino', 'Sombre Tones', false],
      ['Ben Klock', 'Subzero', false],
      ['ID', 'ID', true],
    ]);
  });

  it('a text with no tracklist is an empty setlist with its reason, never an invented one', () => {
    const found = readerFor('text');
    if (!('reader' in found)) throw new Error('expected a reader');
    const parsed = found
      .reader({ path: 'notes.txt', name: 'notes.txt', text: 'Thanks for listening! Follow me on soundcloud.' })
      .entries[0]!.parse();
    expect(parsed).toMatchObject({ status: 'empty', statusReason: 'no tracklist found in the text' });
  });
});
