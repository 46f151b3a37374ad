import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ParsedTrackLine } from '@songnodes/parsing';
import { parse1001Tracklist } from './parse-tracklist';

/**
 * The parser against crawler/test/labelled/1001tracklists.labelled.json: every track row of every real
 * 1001tracklists page in the repository, each labelled by reading the row as the page shows it (the labelled-set
 * harness of crawler/test/labelled reads the same file; this test covers it on its own).
 *
 * Labelling conventions, the same as the rest of the labelled set: `artist` is the whole credit as shown,
 * featuring included; `label` is the badge the row shows ("NINJA"), without the parent company 1001tracklists adds
 * in brackets; an edit note ("(Live Edit)") is not a version; "(ID Remix)" is (a known track, unknown version);
 * `primaryArtists` splits "A & B" when one side is a full name of two or more words ("Curbi & Hasse de Moor") and
 * keeps two single words whole ("Curbi & Tchami", "JOYRYDE & Skrillex": the row does not say duo or two people).
 */
const REPO_ROOT = resolve(__dirname, '../../../..');
const FIELDS = ['artist', 'featured', 'title', 'version', 'label', 'unidentified', 'layered', 'primaryArtists'] as const;
type Field = (typeof FIELDS)[number];
interface LabelledRow {
  origin: string;
  page: string;
  row: number;
  expect: Record<Field, unknown>;
}

const labelled = JSON.parse(readFileSync(join(REPO_ROOT, 'crawler/test/labelled/1001tracklists.labelled.json'), 'utf8')) as LabelledRow[];
const pages = new Map<string, ParsedTrackLine[]>();
function rowsOf(page: string): ParsedTrackLine[] {
  let rows = pages.get(page);
  if (rows === undefined) {
    const html = readFileSync(join(REPO_ROOT, page), 'utf8');
    rows = parse1001Tracklist(html, { sourceUrl: 'https://www.1001tracklists.com/' }).parts.flatMap((part) => part.rows);
    pages.set(page, rows);
  }
  return rows;
}

const tidy = (value: unknown): unknown => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : (value ?? null));
const same = (expected: unknown, actual: unknown): boolean =>
  Array.isArray(expected) || Array.isArray(actual)
    ? Array.isArray(expected) &&
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((v, i) => tidy(v) === tidy(actual[i]))
    : tidy(expected) === tidy(actual);

const results = labelled.map((record) => {
  const actual = rowsOf(record.page)[record.row];
  const wrong = FIELDS.filter((field) => actual === undefined || !same(record.expect[field], actual[field]));
  return { record, actual, wrong };
});
const share = (count: number): number => count / results.length;
const report = results
  .filter((result) => result.wrong.length > 0)
  .map(
    (result) =>
      `${result.record.origin}: ${result.wrong.map((f) => `${f} expected ${JSON.stringify(result.record.expect[f])}, got ${JSON.stringify(result.actual?.[f])}`).join('; ')}`,
  );

describe('1001tracklists rows against their labels', () => {
  it("labels every row of every real page in the repository, in the parser's row order", () => {
    const counts = new Map<string, number>();
    for (const record of labelled) counts.set(record.page, (counts.get(record.page) ?? 0) + 1);
    for (const [page, count] of counts) expect([page, rowsOf(page).length]).toEqual([page, count]);
    expect(labelled).toHaveLength(104);
  });

  it('reads at least 98% of the rows right, every field (the credit split is the shared rule of parse/artist-credit.ts)', () => {
    const right = results.filter((result) => result.wrong.length === 0).length;
    if (share(right) < 0.98) process.stdout.write(`${report.join('\n')}\n`);
    expect(share(right)).toBeGreaterThanOrEqual(0.98);
  });
});
