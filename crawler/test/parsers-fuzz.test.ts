/**
 * Fuzzing with fast-check (fixed seeds, so a failure replays): real lines, pages, descriptions and a CUE sheet,
 * mutated by inserting, deleting and repeating pieces (tracklist syntax, lone surrogates, NULs, any UTF-16 unit).
 * Every parser must return well-formed records and never throw or fall back to its "could not be parsed" path.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrackRows } from '@songnodes/parsing';
import type { ParsedSetlist, ParsedTrackLine } from '@songnodes/parsing';
import { parseMixesdbWikitext } from '../src/sources/mixesdb/parse-wikitext';
import { parseCueSheet } from '@songnodes/parsing';
import { readFreeTextTracklist } from '@songnodes/parsing';
import { readTextTracklistFile } from '@songnodes/parsing';
import { loadMixesdbCsvMixes } from './support/mixesdb-csv';

const SEED = 20240501;
const TEXT_DIR = join(__dirname, '../../parsing/src/free-text/fixtures');

const csvLines = loadMixesdbCsvMixes()
  .flatMap((mix) => mix.rows.map((row) => row.raw))
  .filter((_, index) => index % 20 === 0);
const wikiPages = Object.values(
  JSON.parse(readFileSync(join(__dirname, '../../data/mixesdb-wikitext/essential-mix-1993-2009.json'), 'utf8')) as Record<
    string,
    { tracklist: string }
  >,
)
  .filter((_, index) => index % 40 === 0)
  .map((entry) => entry.tracklist);
const descriptions = readdirSync(join(TEXT_DIR, 'descriptions')).map((file) => readFileSync(join(TEXT_DIR, 'descriptions', file), 'utf8'));
const cueSheet = readFileSync(join(TEXT_DIR, 'mat-zo-abgt500-2022-10-15.cue'), 'utf8');

/** Pieces that mean something to a tracklist parser, plus any UTF-16 code unit (lone surrogates included). */
const piece = fc.oneof(
  fc.constantFrom(
    '(',
    ')',
    '[',
    ']',
    '{{',
    '}}',
    ' - ',
    ' – ',
    '-',
    ' / ',
    ' vs ',
    ' w/ ',
    ' + ',
    "'''+'''",
    '&',
    ', ',
    ' feat. ',
    '(Remix)',
    '(Original Mix)',
    ' VIP',
    '#',
    ';',
    '\n',
    '\r\n',
    '01. ',
    '[00:38:08]',
    ' 12:30',
    '@',
    '<!--',
    '-->',
    '<ref>',
    '[[',
    ']]',
    '[https://x ',
    '\u0000',
    '\ud800',
    '\udfff',
    '\u2028',
    '\u00a0',
    '?',
    'ID',
    'TRACK 01 AUDIO\n',
    'INDEX 01 ',
    'PERFORMER "',
    'Tracklist:',
    'DJ: ',
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

/** Mutations of a real text: insert pieces, delete spans, repeat a span. */
function mutated(texts: string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.constantFrom('insert', 'delete', 'repeat'), fc.nat(), fc.nat({ max: 40 }), piece, fc.nat({ max: 20 }));
  return fc.tuple(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 8 })).map(([text, edits]) =>
    edits.reduce((current, [kind, at, length, inserted, times]) => {
      const position = current.length === 0 ? 0 : at % (current.length + 1);
      if (kind === 'insert') return current.slice(0, position) + inserted + current.slice(position);
      if (kind === 'delete') return current.slice(0, position) + current.slice(position + length);
      return current.slice(0, position) + current.slice(position, position + length).repeat(times) + current.slice(position);
    }, text),
  );
}

const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';
const isStringArray = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A row is well formed: every field of the right type, no empty names, cueSeconds only with a cue. */
function expectWellFormed(row: ParsedTrackLine): void {
  expect(typeof row.raw).toBe('string');
  for (const field of ['cue', 'artist', 'title', 'version', 'label', 'catalog'] as const) expect(isStringOrNull(row[field])).toBe(true);
  for (const field of ['remixers', 'featured', 'primaryArtists', 'warnings'] as const) expect(isStringArray(row[field])).toBe(true);
  for (const field of ['unidentified', 'artistValid', 'layered'] as const) expect(typeof row[field]).toBe('boolean');
  expect(row.cueSeconds === null || (Number.isFinite(row.cueSeconds) && row.cueSeconds >= 0)).toBe(true);
  if (row.cueSeconds !== null) expect(row.cue).not.toBeNull();
  expect([...row.primaryArtists, ...row.featured].filter((name) => name.trim() === '')).toEqual([]);
  if (!row.artistValid) expect(row.unidentified).toBe(true);
  expect(row.warnings.filter((warning) => warning.startsWith('row could not be parsed'))).toEqual([]);
}

function expectWellFormedSetlist(setlist: Pick<ParsedSetlist, 'parts'>): void {
  setlist.parts.forEach((part, index) => {
    expect(part.index).toBe(index);
    expect(isStringOrNull(part.name)).toBe(true);
    part.rows.forEach(expectWellFormed);
  });
}

const options = { seed: SEED, numRuns: 300 };

describe('fuzz: mutated real material never breaks a parser', () => {
  it('parseTrackRows on mutated MixesDB lines', () => {
    fc.assert(
      fc.property(mutated(csvLines), (line) => {
        const rows = parseTrackRows(line);
        expect(rows.length).toBeGreaterThan(0);
        rows.forEach(expectWellFormed);
        expect(rows.slice(1).every((row) => row.layered)).toBe(true);
      }),
      options,
    );
  });

  it('parseMixesdbWikitext on mutated pages', () => {
    fc.assert(
      fc.property(mutated(wikiPages), (text) => {
        const setlist = parseMixesdbWikitext(text, { sourceUrl: 'https://www.mixesdb.com/w/Fuzz', pageTitle: '2000-01-01 - Fuzz - Fuzz' });
        expect(['ok', 'empty', 'error']).toContain(setlist.status);
        if (setlist.status === 'ok') expect(setlist.parts.length).toBeGreaterThan(0);
        expectWellFormedSetlist(setlist);
      }),
      { ...options, numRuns: 100 },
    );
  });

  it('readFreeTextTracklist on mutated descriptions', () => {
    fc.assert(
      fc.property(mutated(descriptions), (text) => {
        const tracklist = readFreeTextTracklist(text);
        if (tracklist === null) return;
        expect(tracklist.lines.length).toBe(tracklist.partLines.flat().length);
        expect(tracklist.firstLine).toBeLessThanOrEqual(tracklist.lastLine);
        expectWellFormedSetlist(tracklist);
      }),
      { ...options, numRuns: 200 },
    );
  });

  it('parseCueSheet and readTextTracklistFile on mutated text', () => {
    fc.assert(
      fc.property(mutated([cueSheet, ...descriptions.slice(0, 3)]), (text) => {
        const cue = parseCueSheet(text);
        expect(isStringArray(cue.djs)).toBe(true);
        expectWellFormedSetlist(cue);
        const file = readTextTracklistFile(text);
        expect(isStringOrNull(file.date)).toBe(true);
        expectWellFormedSetlist(file);
      }),
      { ...options, numRuns: 200 },
    );
  });
});
