import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedSetlist } from '@songnodes/parsing';
import { MAX_NESTING } from './html-document';
import { parse1001SearchResults, type Search1001Results } from './parse-search';
import { parse1001Tracklist, parse1001TracklistRows } from './parse-tracklist';
import { MAX_ROW_TEXT } from './row-records';

// The page parsers never throw and stay linear in their input (html-document.ts says how: lone surrogates made
// well-formed, nesting deeper than MAX_NESTING refused before any tree is built, rows longer than MAX_ROW_TEXT
// not parsed). Speed itself is measured outside the tests (no timed assertions here).
const fixture = (path: string): string => readFileSync(join(__dirname, 'fixtures', path), 'utf8');
const BASE = 'http://127.0.0.1:40002';
const URL_OPTION = { sourceUrl: `${BASE}/tracklist/x/y.html` };
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const STATUSES = ['ok', 'blocked', 'empty', 'error'];

/** Every field of every record has its declared type; a status other than ok says why. */
function expectWellFormedSetlist(setlist: ParsedSetlist): void {
  expect(STATUSES).toContain(setlist.status);
  expect(setlist.status === 'ok' ? setlist.statusReason === null : typeof setlist.statusReason === 'string').toBe(true);
  expect(typeof setlist.sourceUrl).toBe('string');
  expect(setlist.djs.every((dj) => typeof dj === 'string' && !LONE_SURROGATES.test(dj))).toBe(true);
  for (const row of setlist.parts.flatMap((part) => part.rows)) {
    expect(typeof row.raw).toBe('string');
    expect(LONE_SURROGATES.test(row.raw)).toBe(false);
    expect(row.raw.length).toBeLessThanOrEqual(MAX_ROW_TEXT + 1);
    expect([typeof row.unidentified, typeof row.layered, typeof row.artistValid]).toEqual(['boolean', 'boolean', 'boolean']);
    expect(row.cueSeconds === null || Number.isInteger(row.cueSeconds)).toBe(true);
    expect(
      [row.primaryArtists, row.featured, row.remixers, row.warnings].every((list) => list.every((item) => typeof item === 'string')),
    ).toBe(true);
  }
}

function expectWellFormedResults(results: Search1001Results): void {
  expect(results.refs.every((ref) => ref.url.startsWith(`${BASE}/tracklist/`) && typeof ref.label === 'string')).toBe(true);
  expect(results.results.every((result) => result.url.startsWith('https://www.1001tracklists.com/tracklist/'))).toBe(true);
  expect(results.results.every((result) => !LONE_SURROGATES.test(result.title))).toBe(true);
}

describe('regressions', () => {
  it('parse1001SearchResults no longer throws on two adjacent lone surrogates (issue 11, finding 7)', () => {
    const page = `<div class="bItm"><a href="/tracklist/ab12/x.html">x\uDFFF\uDC00y</a></div>`;
    expect(() => parse1001SearchResults(page, BASE)).not.toThrow();
    expect(parse1001SearchResults(page, BASE).results).toEqual([expect.objectContaining({ tracklistId: 'ab12', title: 'x\uFFFD\uFFFDy' })]);
    expect(() => parse1001SearchResults('\uDFFF\uDC00', BASE)).not.toThrow();
  });

  it('parse1001Tracklist reads a real page holding two adjacent lone surrogates, shown as U+FFFD', () => {
    const page = fixture('tracklist.html').replace('Bicep - Apricots"', 'Bicep - Apri\uDFFF\uDC00cots"');
    const setlist = parse1001Tracklist(page, URL_OPTION);
    expect(setlist.status).toBe('ok');
    expect(setlist.parts[0]?.rows[0]?.raw).toBe('Bicep - Apri\uFFFD\uFFFDcots');
  });
});

describe('hostile input', () => {
  it('refuses a page nested deeper than MAX_NESTING with a reason, without building its tree', () => {
    const deep = `<html><body>${'<div>'.repeat(200_000)}x</body></html>`;
    const setlist = parse1001Tracklist(deep, URL_OPTION);
    expect(setlist.status).toBe('error');
    expect(setlist.statusReason).toBe(`page nests tags 200002 deep (limit ${MAX_NESTING}): not a tracklist page`);
    expect(parse1001SearchResults(deep, BASE).refs).toEqual([]);
    expect(parse1001TracklistRows(`${'<font a=1>'.repeat(50_000)}<div class="tlpItem">A - B</div>`)).toEqual([]);
  });

  it('reads a real page grown to 5 MB (its rows repeated), every row in order', () => {
    const page = fixture('more/curbi-tape-06-2021-03-12.html');
    const start = page.indexOf('<div id="tlp_5921274"');
    const end = page.indexOf('<div class="mt10" id="tl_save">');
    const rows = page.slice(start, end);
    const copies = Math.ceil(5_000_000 / rows.length);
    const big = page.slice(0, start) + rows.repeat(copies) + page.slice(end);
    expect(big.length).toBeGreaterThan(5_000_000);
    const setlist = parse1001Tracklist(big, URL_OPTION);
    expect(setlist.status).toBe('ok');
    expect(setlist.parts[0]?.rows).toHaveLength(31 * copies);
    expect(setlist.warnings).toEqual([`the page declares 31 tracks; ${31 * copies} rows were read`]);
  });

  it('keeps a row whose text is far too long as an unidentified row, unparsed and cut', () => {
    // Issue 11 finding 7: the shared line parser is quadratic on repeated " vs "; a row this long never reaches it.
    const long = `A${' vs A'.repeat(20_000)} - B`;
    const page = fixture('tracklist.html').replace('content="Bicep - Apricots"', `content="${long}"`);
    const [first, second] = parse1001Tracklist(page, URL_OPTION).parts[0]?.rows ?? [];
    expect(first).toMatchObject({ unidentified: true, artist: null, raw: `${long.slice(0, MAX_ROW_TEXT)}…` });
    expect(first?.warnings[0]).toBe(`row text is ${long.length} characters long: not a track line, left unidentified`);
    expect(second?.raw).toBe("Barker - Look How Hard I've Tried");
  });

  it('reads nothing, without throwing, from input that is not a page at all', () => {
    for (const input of ['', '<', '<<<<>>>>', '\u0000\uFFFF', 'a'.repeat(100_000), undefined, null, 42] as unknown[]) {
      expectWellFormedSetlist(parse1001Tracklist(input as string, URL_OPTION));
      expect(parse1001TracklistRows(input as string)).toEqual([]);
      expect(parse1001SearchResults(input as string, BASE).refs).toEqual([]);
    }
  });
});

/** mulberry32: a small seeded generator, so every run mutates the pages the same way. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPLICES = [
  '\uDFFF\uDC00',
  '\uD800',
  '<',
  '>',
  '"',
  "'",
  '&',
  '&#xD800;',
  '</div>',
  '<div class="tlpItem">',
  '<meta itemprop="name" content="',
  '<table>',
  ' - ',
  'ID',
];

/** Cuts, repeats, drops and splices real markup: what a flaky connection, a layout change or an attacker gives. */
function mutate(page: string, random: () => number): string {
  let text = page;
  const edits = 1 + Math.floor(random() * 4);
  for (let edit = 0; edit < edits; edit += 1) {
    const at = Math.floor(random() * text.length);
    const span = Math.floor(random() * 2000);
    const kind = Math.floor(random() * 4);
    if (kind === 0) text = text.slice(0, at) + text.slice(at + span);
    else if (kind === 1) text = text.slice(0, at) + text.slice(at, at + span).repeat(1 + Math.floor(random() * 5)) + text.slice(at);
    else if (kind === 2) text = text.slice(0, at) + (SPLICES[Math.floor(random() * SPLICES.length)] ?? '') + text.slice(at);
    else text = text.slice(0, at);
  }
  return text;
}

describe('seeded fuzz on mutated real pages and the search/DJ stand-ins', () => {
  const pages = [
    'tracklist.html',
    'more/curbi-tape-06-2021-03-12.html',
    'more/swacq-revealed-night-ade-2018-10-20.html',
    'search/search-multi.standin.html',
    'search/dj-page.standin.html',
  ];

  it.each(pages)('%s: 25 mutations, no throw, well-formed records', (path) => {
    const random = seeded(0x1001 + path.length);
    const page = fixture(path);
    for (let round = 0; round < 25; round += 1) {
      const mutated = mutate(page, random);
      let setlist: ParsedSetlist | undefined;
      let results: Search1001Results | undefined;
      expect(() => {
        setlist = parse1001Tracklist(mutated, URL_OPTION);
        results = parse1001SearchResults(mutated, BASE);
      }).not.toThrow();
      expectWellFormedSetlist(setlist as ParsedSetlist);
      expectWellFormedResults(results as Search1001Results);
    }
  });
});
