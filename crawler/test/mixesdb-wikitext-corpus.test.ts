/**
 * The 878 real MixesDB pages of the BBC Essential Mix, 1993–2009 (data/mixesdb-wikitext/SOURCE.md at the repo root), read
 * whole: every page gives a status and well-formed rows, and the counts below are what the rules give today
 * (a change to a rule that moves them must say why in docs/parsing.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readListStyle } from '@songnodes/parsing';
import { toPlainText } from '@songnodes/parsing';
import { parseMixesdbWikitext } from '../src/sources/mixesdb/parse-wikitext';

const pages = JSON.parse(readFileSync(join(__dirname, '../../data/mixesdb-wikitext/essential-mix-1993-2009.json'), 'utf8')) as Record<
  string,
  { tracklist: string }
>;
const setlists = Object.entries(pages).map(([key, page]) =>
  parseMixesdbWikitext(page.tracklist, { sourceUrl: `https://www.mixesdb.com${key}`, pageTitle: key.slice(3).replace(/_/g, ' ') }),
);
const rows = setlists.flatMap((setlist) => setlist.parts.flatMap((part) => part.rows));

describe('the Essential Mix corpus (878 real MixesDB pages)', () => {
  it('gives 840 pages with a tracklist and 38 without one, none in error', () => {
    expect(setlists).toHaveLength(878);
    const reasons = setlists.filter((setlist) => setlist.status !== 'ok').map((setlist) => setlist.statusReason);
    expect(setlists.filter((setlist) => setlist.status === 'ok')).toHaveLength(840);
    expect(reasons.filter((reason) => reason === 'no "== Tracklist ==" section')).toHaveLength(29);
    expect(reasons.filter((reason) => reason === 'tracklist section has no rows')).toHaveLength(9);
  });

  it('reads 25,520 rows, 218 of them layered over the row before and 901 unidentified', () => {
    expect(rows).toHaveLength(25520);
    expect(rows.filter((row) => row.layered)).toHaveLength(218);
    expect(rows.filter((row) => row.unidentified)).toHaveLength(901);
    expect(rows.filter((row) => row.warnings.some((warning) => warning.startsWith('row could not be parsed')))).toEqual([]);
  });

  it('reads labels after a last dash only on the two pages that write many rows that way', () => {
    const rowsOf = (wikitext: string) =>
      wikitext
        .split('\n')
        .filter((line) => /^#(?![:*#;])/.test(line))
        .map((line) => toPlainText(line.slice(1)));
    const styled = Object.entries(pages)
      .filter(([, page]) => readListStyle(rowsOf(page.tracklist)).labelAfterDash)
      .map(([key]) => key);
    expect(styled).toEqual(['/w/2007-12-31_-_VA_@_NYE,_UK_-_Essential_Mix', '/w/2008-12-13_-_Rusko_-_Essential_Mix']);
    const rusko = setlists.find((setlist) => setlist.sourceId === '2008-12-13 - Rusko - Essential Mix');
    expect(rusko?.parts[0]?.rows[2]).toMatchObject({ artist: 'Rusko', title: 'Gogogadgetrusko', label: 'Sub Soldiers' });
  });
});
