/**
 * Agreement between our parsers and the MixesDB CSV fixtures (real tracklists, see fixtures/SOURCE.md).
 * The CSV splits each row's `raw` at the first " - "; we compare our artist / title side with its split,
 * word by word, and require every disagreement to fall into a known, documented class (docs/parsing.md).
 */
import { parseMixesdbTitle } from '@songnodes/parsing';
import { parseMixesdbWikitext } from '../src/sources/mixesdb/parse-wikitext';
import { readListStyle } from '@songnodes/parsing';
import { toPlainText } from '@songnodes/parsing';
import { parseTrackLine, parseTrackRows } from '@songnodes/parsing';
import type { ParsedTrackLine } from '@songnodes/parsing';
import {
  buildWikitextFromRows,
  loadMixesdbCsvMixes,
  MIXLESS_CSV_FILE,
  readMixesdbCsvFile,
  type MixesdbCsvRow,
} from './support/mixesdb-csv';

/** Joiner words that our split turns into list structure ("Jay Dee and Phat Kat" -> two names). */
const JOINER_WORDS = new Set(['feat', 'ft', 'featuring', 'and']);
const RUNNING_TIME = /\s*\[\d{1,2}:\d{2}\]\s*$/;
const ORIGINAL_MIX = /\(\s*original(?:\s+(?:mix|version))?\s*\)/gi;

/** Sorted words (letters/digits) of a text after markup removal: a fair, order- and punctuation-blind comparison. */
function words(text: string): string {
  const found =
    toPlainText(text)
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return found
    .filter((word) => !JOINER_WORDS.has(word))
    .sort()
    .join(' ');
}

/** Our title side as words: title, version, featured names not already in the credit, label, catalogue. */
function ourTitleWords(parsed: ParsedTrackLine): string {
  const creditWords = new Set(words(parsed.artist ?? '').split(' '));
  const fromTitle = parsed.featured.filter(
    (name) =>
      !words(name)
        .split(' ')
        .every((word) => creditWords.has(word)),
  );
  return words([parsed.title, parsed.version, ...fromTitle, parsed.label, parsed.catalog].filter(Boolean).join(' '));
}

type DisagreementClass =
  | 'running-time-dropped'
  | 'note-dropped'
  | 'duplicate-version-dropped'
  | 'csv-split-inside-external-link'
  | 'csv-split-inside-label-bracket'
  | 'csv-missed-dash-variant'
  | 'one-sided-dash-first'
  | 'unknown-artist-then-title'
  | 'layered-line'
  | 'unexplained';

/** Notes in the label or version slot that are no part of the record ("[Unreleased]", "(Sample)"). */
const NOTE = /\s*[[(](?:unreleased|forthcoming|tbc|sample)[\])]\s*/i;
const NOTES = new RegExp(NOTE.source, 'gi');
/** Rows whose "[Unreleased]"-style note we drop (counted on the fixtures). */
const NOTE_ROWS = 29;
/** The same bracket twice in a row: "Can You Feel It (New York Dub) (New York Dub)". */
const REPEATED_GROUP = /(\([^()]+\))\s*\1/;

interface Comparison {
  row: MixesdbCsvRow;
  parsed: ParsedTrackLine;
  agrees: boolean;
  disagreement: DisagreementClass | null;
}

function compareRow(row: MixesdbCsvRow): Comparison {
  const parsed = parseTrackLine(row.raw);
  const rowCount = parseTrackRows(row.raw).length;
  const csvTitle = row.title.replace(ORIGINAL_MIX, '');
  const artistAgrees = words(parsed.artist ?? '') === words(row.artist);
  const titleAgrees = ourTitleWords(parsed) === words(csvTitle);
  if (artistAgrees && titleAgrees) return { row, parsed, agrees: true, disagreement: null };
  const sameWordsOverall = words(`${parsed.artist ?? ''} ${ourTitleWords(parsed)}`) === words(`${row.artist} ${csvTitle}`);
  const classify = (): DisagreementClass => {
    if (rowCount > 1) return 'layered-line';
    if (artistAgrees && RUNNING_TIME.test(csvTitle) && ourTitleWords(parsed) === words(csvTitle.replace(RUNNING_TIME, ''))) {
      return 'running-time-dropped';
    }
    if (artistAgrees && NOTE.test(csvTitle) && ourTitleWords(parsed) === words(csvTitle.replace(NOTES, ' '))) return 'note-dropped';
    const once = csvTitle.replace(REPEATED_GROUP, '$1');
    if (artistAgrees && once !== csvTitle && ourTitleWords(parsed) === words(once)) return 'duplicate-version-dropped';
    if (/^\[(?:https?:)?\/\//.test(row.artist) && sameWordsOverall) return 'csv-split-inside-external-link';
    if (/\[[^\]]*$/.test(row.artist) && /^[^[]*\]$/.test(row.title) && sameWordsOverall) return 'csv-split-inside-label-bracket';
    if (row.artist === '' && parsed.artist === 'ID' && sameWordsOverall) return 'unknown-artist-then-title';
    if (row.artist === '' && parsed.artist !== null && sameWordsOverall) return 'csv-missed-dash-variant';
    if (sameWordsOverall && parsed.warnings.includes('artist/title dash without a space on both sides')) return 'one-sided-dash-first';
    return 'unexplained';
  };
  return { row, parsed, agrees: false, disagreement: classify() };
}

function expectedCueSeconds(timestamp: string): number | null {
  // Minutes only, m:ss or h:mm:ss; "?" anywhere or seconds past 59 ("019:95" in the 1995 Love Parade mix) give null.
  if (!/^\d+(?::[0-5]\d){0,2}$/.test(timestamp)) return null;
  const groups = timestamp.split(':').map(Number);
  const [a = 0, b = 0, c = 0] = groups;
  if (groups.length === 1) return a * 60;
  return groups.length === 2 ? a * 60 + b : a * 3600 + b * 60 + c;
}

const mixes = loadMixesdbCsvMixes();
const rows = mixes.flatMap((mix) => mix.rows);
const comparisons = rows.map(compareRow);
const byClass = (name: DisagreementClass) => comparisons.filter((comparison) => comparison.disagreement === name);
const rawsOf = (name: DisagreementClass) => byClass(name).map((comparison) => comparison.row.raw);

describe('MixesDB CSV fixtures', () => {
  it('pool 257 distinct mixes and 6,362 rows; tracklist.csv repeats the 2006-08-16 Cocorico mix', () => {
    expect(mixes).toHaveLength(257);
    expect(rows).toHaveLength(6362);
    const cocorico = mixes.find((mix) => mix.mixTitle === '2006-08-16 - Richie Hawtin @ Cocorico, Riccione');
    const strip = ({ part, position, timestamp, artist, title, raw }: MixesdbCsvRow) => ({ part, position, timestamp, artist, title, raw });
    expect(readMixesdbCsvFile(MIXLESS_CSV_FILE).map(strip)).toEqual(cocorico?.rows.map(strip));
  });
});

describe('parseMixesdbTitle on every distinct mix title', () => {
  it('reads a date and at least one DJ from each, and a full ISO date from 242 of them', () => {
    const titles = mixes.map((mix) => parseMixesdbTitle(mix.mixTitle));
    expect(titles.filter((title) => title.djs.length === 0 || title.dateText === null)).toEqual([]);
    expect(titles.filter((title) => title.date !== null)).toHaveLength(242);
  });
});

describe('parseTrackLine agrees with the CSV artist/title split', () => {
  const agreeing = comparisons.filter((comparison) => comparison.agrees).length;
  const rate = agreeing / comparisons.length;
  const classNames = [
    'running-time-dropped',
    'note-dropped',
    'duplicate-version-dropped',
    'csv-split-inside-external-link',
    'csv-split-inside-label-bracket',
    'csv-missed-dash-variant',
    'one-sided-dash-first',
    'unknown-artist-then-title',
    'layered-line',
    'unexplained',
  ] as const;

  it('on at least 98% of rows (measured: 6,253 / 6,362 = 98.29%; every other row in a class below)', () => {
    const classes = classNames.map((name) => `  ${name}: ${byClass(name).length}`).join('\n');
    process.stdout.write(`MixesDB agreement: ${agreeing}/${comparisons.length} rows = ${(rate * 100).toFixed(2)}%\n${classes}\n`);
    expect(agreeing).toBe(6253);
    expect(rate).toBeGreaterThanOrEqual(0.98);
  });

  it('leaves no disagreement unexplained', () => {
    expect(rawsOf('unexplained')).toEqual([]);
  });

  it('drops a running time written where the label goes, by design (CSV keeps "[4:42]" in the title)', () => {
    expect(rawsOf('running-time-dropped')).toHaveLength(41);
    expect(rawsOf('running-time-dropped')).toEqual(
      expect.arrayContaining(['Orlando Voorn - At Last [4:50]', 'Push/Pull Feat. Lady E And Niqué D - Africa [4:42]']),
    );
  });

  it('drops notes that name no record, by design ("[Unreleased]", "[Forthcoming]", "[TBC]", "(Sample)")', () => {
    expect(rawsOf('note-dropped')).toHaveLength(NOTE_ROWS);
    expect(rawsOf('note-dropped')).toEqual(
      expect.arrayContaining([
        'Ricardo Villalobos - Hardcorrection [Unreleased]',
        "Public Enemy - Show 'Em Whatcha Got (Sample)",
        'Eigenes Rezept & Mays - Pena [TBC]',
      ]),
    );
    const hood = comparisons.find((c) => c.row.raw === 'Robert Hood - Hologram 4 [Forthcoming]');
    expect(hood?.parsed).toMatchObject({ title: 'Hologram 4', label: null });
  });

  it('keeps a version written twice once, by design', () => {
    expect(rawsOf('duplicate-version-dropped')).toEqual(['Chez Damier - Can You Feel It (New York Dub) (New York Dub) [Defected]']);
  });

  it('reads external links the CSV split inside of (the CSV is wrong)', () => {
    expect(rawsOf('csv-split-inside-external-link')).toHaveLength(27);
    const mono = comparisons.find((c) => c.row.raw === '[https://www.discogs.com/release/712848 Mono Junk - Channel B]');
    expect(mono?.row.artist).toBe('[https://www.discogs.com/release/712848 Mono Junk');
    expect([mono?.parsed.artist, mono?.parsed.title]).toEqual(['Mono Junk', 'Channel B']);
  });

  it('splits at the en dash where the CSV split inside the label bracket (the CSV is wrong)', () => {
    expect(rawsOf('csv-split-inside-label-bracket')).toHaveLength(5);
    const shed = comparisons.find((c) => c.row.raw === 'Shed – Warped Mind [Ostgut Ton - o-ton15]');
    expect([shed?.row.artist, shed?.row.title]).toEqual(['Shed – Warped Mind [Ostgut Ton', 'o-ton15]']);
    expect(shed?.parsed).toMatchObject({ artist: 'Shed', title: 'Warped Mind', label: 'Ostgut Ton', catalog: 'o-ton15' });
  });

  it('splits at dash variants the CSV did not split at (the CSV is wrong)', () => {
    expect(rawsOf('csv-missed-dash-variant').sort()).toEqual([
      'New Signal–\tSteppenwolf',
      'Roy Davis Jr. – Heart Attack (ID Remix)',
      'The Mountain People -Mountain 004',
    ]);
  });

  it('splits at a one-sided dash that comes before the spaced one (the CSV split at the spaced one)', () => {
    expect(rawsOf('one-sided-dash-first')).toEqual(['Feddde Le Grand -Output - F.L.G Edit (Flamingo)']);
    const feddde = comparisons.find((c) => c.row.raw === 'Feddde Le Grand -Output - F.L.G Edit (Flamingo)');
    expect(feddde?.parsed).toMatchObject({ artist: 'Feddde Le Grand', title: 'Output', version: 'F.L.G Edit', label: 'Flamingo' });
  });

  it('reads "ID Familiar" as an unidentified artist and a title', () => {
    expect(rawsOf('unknown-artist-then-title')).toEqual(['ID Familiar']);
  });

  it('reads two tracks on one line as two rows; "O - Meara vs Bissmire" is a known false positive', () => {
    expect(rawsOf('layered-line')).toEqual(['O - Meara vs Bissmire - Swear Tin']);
    expect(parseTrackRows('O - Meara vs Bissmire - Swear Tin').map((row) => [row.artist, row.title, row.layered])).toEqual([
      ['O', 'Meara', false],
      ['Bissmire', 'Swear Tin', true],
    ]);
  });

  it('marks every row the CSV writes as unknown (no artist, title "?…") unidentified', () => {
    const unknownInCsv = comparisons.filter((c) => c.row.artist === '' && c.row.title.startsWith('?'));
    expect(unknownInCsv.length).toBeGreaterThan(700);
    expect(unknownInCsv.filter((c) => !c.parsed.unidentified).map((c) => c.row.raw)).toEqual([]);
  });
});

describe('parseMixesdbWikitext on pages rebuilt from every CSV mix', () => {
  it.each(mixes.map((mix) => [mix.mixTitle, mix] as const))('%s', (_title, mix) => {
    const setlist = parseMixesdbWikitext(buildWikitextFromRows(mix), { sourceUrl: mix.mixUrl, pageTitle: mix.mixTitle });
    expect(setlist.status).toBe('ok');
    expect(setlist.djs.length).toBeGreaterThan(0);
    const parsedRows = setlist.parts.flatMap((part) =>
      part.rows.map((row) => ({
        part: part.name ?? '',
        cue: row.cue,
        cueSeconds: row.cueSeconds,
        artist: row.artist,
        title: row.title,
        layered: row.layered,
      })),
    );
    // The page is read with its own label habits ("Artist - Title - Label", "Artist - Title (Label)").
    const { labelAfterDash, labelInParentheses } = readListStyle(mix.rows.map((row) => toPlainText(row.raw)));
    const style = { labelAfterDash, labelInParentheses };
    const expectedRows = mix.rows.flatMap((row) =>
      parseTrackRows(row.raw, style).map((direct, index) => ({
        part: toPlainText(row.part),
        cue: index > 0 ? null : row.timestamp === '' ? null : row.timestamp,
        cueSeconds: index > 0 ? null : expectedCueSeconds(row.timestamp),
        artist: direct.artist,
        title: direct.title,
        layered: direct.layered,
      })),
    );
    expect(parsedRows).toEqual(expectedRows);
  });
});
