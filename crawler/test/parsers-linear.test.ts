/**
 * Every parser is linear in its input and never throws (issue 11 finding 7 / item 6). Work is counted, never timed:
 * `measureRegexWork` counts the characters regular-expression searches walk (test/support/regex-work.ts). Ten times
 * the input may cost at most GROWTH_LIMIT times the work; a quadratic parser costs about 100 times.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrackRows, MAX_ROW_CHARS } from '@songnodes/parsing';
import { splitArtistCredit } from '@songnodes/parsing';
import { toPlainText } from '@songnodes/parsing';
import { parseMixesdbTitle } from '@songnodes/parsing';
import { parseMixesdbWikitext } from '../src/sources/mixesdb/parse-wikitext';
import { parseCueSheet } from '@songnodes/parsing';
import { readFreeTextTracklist } from '@songnodes/parsing';
import { readTextTracklistFile } from '@songnodes/parsing';
import { growthFactor, measureRegexWork } from './support/regex-work';

/** Linear with some constant overhead: 10x the input, at most 13x the work. */
const GROWTH_LIMIT = 13;
const page = { sourceUrl: 'https://www.mixesdb.com/w/Test', pageTitle: '2000-01-01 - Test - Test' };

/** A line of about `size` characters made of `unit` repeated around a fixed frame. */
const repeat = (before: string, unit: string, after: string) => (size: number) =>
  `${before}${unit.repeat(Math.max(1, Math.round(size / unit.length)))}${after}`;

describe('regression: parseTrackLine was quadratic on repeated " vs " (a 32k-character line took 1.7 s)', () => {
  it.each([
    ['" vs " inside a credit', repeat('', 'Insync vs ', 'Mysteron - Down')],
    ['whole tracks joined by " vs "', repeat('', 'Artist - Title vs ', 'Other - Track')],
    ['" w/ " and " + " joins', repeat('', 'A - X w/ B - Y + ', 'C - Z')],
    ["MixesDB '''+''' joins", repeat('', "A - X [L] '''+''' ", 'B - Y [L]')],
    ['trailing bracket groups', repeat('Artist - Title', ' (Dub Mix)', ' [Label - Cat]')],
    ['openers never closed', repeat('Artist - Title ', '(', '')],
    ['nested brackets', (size: number) => `Artist - ${'('.repeat(size / 2)}x${')'.repeat(size / 2)}`],
    ['closers nothing opened', repeat('Artist - Title ', ')]', '')],
    ['featuring again and again', repeat('A', ' feat. B', ' - Title')],
    ['"&" again and again', repeat('A', ' & Bee Gees', ' - Title')],
    ['commas again and again', repeat('A', ', Bee Gees', ' - Title')],
    ['dashes again and again', repeat('A', ' - B', '')],
    ['unclosed featuring groups', repeat('A - T ', '(feat. a ', '')],
    ['version descriptors', repeat('A - T (', 'Dub ', 'Mix)')],
    ['one-sided dashes', repeat('A', ' -b', ' - T')],
    ['slashes', repeat('A', ' / B', '')],
    ['<nowiki> never closed', repeat('', '<nowiki>', 'A - B')],
    ['<ref never closed', repeat('', '<ref', 'A - B')],
    ['nested templates', (size: number) => `${'{{'.repeat(size / 4)}x${'}}'.repeat(size / 4)} A - B`],
    ['external links never closed', repeat('', '[//x ', 'A - B')],
    ['wikilinks never closed', repeat('', '[[a|', 'A - B')],
    ['comments never closed', repeat('A - B ', '<!--', '')],
    ['runs of spaces', repeat('A', ' ', '- B')],
    ['cue look-alikes', repeat('', '1:02:33 ', 'A - B')],
    ['list numbers', repeat('', '05. ', 'A - B')],
  ])('%s', (_name, build) => {
    expect(build(1500).length).toBeLessThanOrEqual(MAX_ROW_CHARS);
    expect(growthFactor(build, (line) => parseTrackRows(line), 150)).toBeLessThanOrEqual(GROWTH_LIMIT);
  });

  it('reads a line longer than MAX_ROW_CHARS as one unidentified row, kept whole, in linear work', () => {
    const build = repeat('', 'Artist - Title vs ', 'B - Y');
    const [row, ...others] = parseTrackRows(build(1_000_000));
    expect(others).toEqual([]);
    expect(row).toMatchObject({ unidentified: true, artist: null, title: null });
    expect(row?.raw.length).toBeGreaterThan(999_000);
    expect(row?.warnings).toContain(`row longer than ${MAX_ROW_CHARS} characters: kept as written, not read as a track`);
    expect(growthFactor(build, (line) => parseTrackRows(line), 100_000)).toBeLessThanOrEqual(GROWTH_LIMIT);
  });

  it('removes markup from a 1 MB line in linear work', () => {
    for (const build of [repeat('', '<nowiki>[[a|', ''), repeat('', '{{<ref ', ''), repeat('', "'''+''' [//x ", '')]) {
      expect(growthFactor(build, toPlainText, 100_000)).toBeLessThanOrEqual(GROWTH_LIMIT);
    }
  });

  it('splits artist credits and page titles in linear work', () => {
    expect(growthFactor(repeat('', 'Ben Klock & Marcel Dettmann, ', 'X'), splitArtistCredit, 1000)).toBeLessThanOrEqual(GROWTH_LIMIT);
    expect(growthFactor(repeat('2001-01-01 - ', 'A b2b B (Live) ', '@ X, Y (Z)'), parseMixesdbTitle, 1000)).toBeLessThanOrEqual(
      GROWTH_LIMIT,
    );
  });
});

describe('regression: a mutated MixesDB page took 19 s', () => {
  const pages = JSON.parse(readFileSync(join(__dirname, '../../data/mixesdb-wikitext/essential-mix-1993-2009.json'), 'utf8')) as Record<
    string,
    { tracklist: string }
  >;
  const realPage = pages['/w/2008-12-13_-_Rusko_-_Essential_Mix']?.tracklist ?? '';

  it('parses a page of 10x the rows with about 10x the work', () => {
    const rows = realPage
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .join('\n');
    const build = (size: number) => `== Tracklist ==\n${`${rows}\n`.repeat(size)}`;
    const parse = (text: string) => parseMixesdbWikitext(text, page);
    expect(parse(build(1)).status).toBe('ok');
    expect(growthFactor(build, parse, 2)).toBeLessThanOrEqual(GROWTH_LIMIT);
  });

  it('parses pages of repeated hard lines and long headings in linear work', () => {
    const hard = "# [0??] A vs B - X (Y Remix) [L] '''+''' C - Z w/ ID + ? (feat. Q & R, S) {{T|{{U}}}} <!-- c";
    const build = (size: number) => `== Tracklist ==\n${`${hard}\n;Part ${'='.repeat(50)}\n== ${' '.repeat(200)}x\n`.repeat(size)}`;
    expect(growthFactor(build, (text) => parseMixesdbWikitext(text, page), 20)).toBeLessThanOrEqual(GROWTH_LIMIT);
  });
});

describe('the text readers are linear in the text', () => {
  const description = (size: number) =>
    `Intro prose about the mix, with words and more words.\n\nTracklist:\n${Array.from(
      { length: size },
      (_, index) => `${index + 1}. Artist ${index} & Other - Title ${index} (Remixer ${index} Remix) Label ${index % 7}`,
    ).join('\n')}\n\nThanks!`;

  it('reads a description of 10x the rows with about 10x the work', () => {
    expect(readFreeTextTracklist(description(50))?.lines).toHaveLength(50);
    expect(growthFactor(description, readFreeTextTracklist, 50)).toBeLessThanOrEqual(GROWTH_LIMIT);
  });

  it('reads a text file and a CUE sheet of 10x the rows with about 10x the work', () => {
    const file = (size: number) => `DJ: Someone\nDate: 2024-05-01\n\n${description(size)}`;
    expect(growthFactor(file, readTextTracklistFile, 50)).toBeLessThanOrEqual(GROWTH_LIMIT);
    const cue = (size: number) =>
      `PERFORMER "DJ"\nTITLE "Set"\nFILE "set.wav" WAVE\n${Array.from(
        { length: size },
        (_, index) =>
          `  TRACK ${index + 1} AUDIO\n    TITLE "Title ${index} (VIP)"\n    PERFORMER "Artist ft. Guest"\n    INDEX 01 ${index}:00:00`,
      ).join('\n')}`;
    expect(parseCueSheet(cue(50)).parts[0]?.rows).toHaveLength(50);
    expect(growthFactor(cue, parseCueSheet, 50)).toBeLessThanOrEqual(GROWTH_LIMIT);
  });

  it('reads a 1 MB description without a tracklist in linear work', () => {
    const prose = (size: number) => 'word - word (x [y '.repeat(size);
    expect(readFreeTextTracklist(prose(50_000))).toBeNull();
    expect(growthFactor(prose, readFreeTextTracklist, 5_000)).toBeLessThanOrEqual(GROWTH_LIMIT);
  });
});

describe('the parsers never throw on hostile strings', () => {
  const hostile = [
    '',
    ' ',
    '\u0000\u0001\u0002',
    '\ud800',
    '\udc00\ud800',
    'A - \ud800\ud800 (\udfff)',
    '\ufeff\u200b - \u2028',
    '('.repeat(100_000),
    ')'.repeat(100_000),
    '[[[['.repeat(10_000),
    '{{'.repeat(50_000),
    '<!--'.repeat(10_000),
    `${'a'.repeat(1_000_000)} - b`,
    'w/',
    '+',
    '+ ',
    'vs',
    ' vs ',
    '#',
    ';',
    '[12]',
    '&#99999999;',
    '&#xD800;',
    '@',
    '@@@ - @',
  ];

  it.each(hostile.map((text) => [text.slice(0, 20), text] as const))('%j', (_name, text) => {
    const rows = parseTrackRows(text);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.flatMap((row) => row.warnings).filter((warning) => warning.startsWith('row could not be parsed'))).toEqual([]);
    expect(parseMixesdbWikitext(`== Tracklist ==\n# ${text}\n;${text}`, page).status).toMatch(/^(ok|empty|error)$/);
    expect(() => readFreeTextTracklist(`${text}\n${text}\n${text}`)).not.toThrow();
    expect(() => parseCueSheet(`TRACK 01 AUDIO\nTITLE "${text}"\nPERFORMER ${text}`)).not.toThrow();
    expect(() => readTextTracklistFile(`DJ: ${text}\n${text}`)).not.toThrow();
    expect(() => measureRegexWork(() => parseMixesdbTitle(text))).not.toThrow();
  });
});
