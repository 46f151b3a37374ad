/**
 * Per-field and whole-row accuracy of the parsers on the labelled set, by source family. A row is right only when
 * every field is; a record whose line gives a different number of rows than the label counts every label row wrong.
 */
import type { ParsedTrackLine } from '@songnodes/parsing';
import { FIELDS, type ExpectedRow, type Field, type LabelledRecord } from './labelled-set';

export interface RowResult {
  record: LabelledRecord;
  index: number;
  expected: ExpectedRow;
  actual: ParsedTrackLine | undefined;
  wrongFields: Field[];
}

export interface FamilyAccuracy {
  family: string;
  rows: number;
  rightRows: number;
  fieldRight: Record<Field, number>;
}

function same(expected: unknown, actual: unknown): boolean {
  const tidy = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value);
  if (Array.isArray(expected) || Array.isArray(actual)) {
    return (
      Array.isArray(expected) &&
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((value, index) => tidy(value) === tidy(actual[index]))
    );
  }
  return tidy(expected ?? null) === tidy(actual ?? null);
}

export function compareRecord(record: LabelledRecord, actualRows: ParsedTrackLine[]): RowResult[] {
  return record.expect.map((expected, index) => {
    const actual = actualRows.length === record.expect.length ? actualRows[index] : undefined;
    const wrongFields = actual === undefined ? [...FIELDS] : FIELDS.filter((field) => !same(expected[field], actual[field]));
    return { record, index, expected, actual, wrongFields };
  });
}

export function summarise(results: RowResult[]): FamilyAccuracy[] {
  const families = [...new Set(results.map((result) => result.record.family))].sort();
  return families.map((family) => {
    const rows = results.filter((result) => result.record.family === family);
    const fieldRight = Object.fromEntries(
      FIELDS.map((field) => [field, rows.filter((row) => !row.wrongFields.includes(field)).length]),
    ) as Record<Field, number>;
    return { family, rows: rows.length, rightRows: rows.filter((row) => row.wrongFields.length === 0).length, fieldRight };
  });
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

/** A Markdown table: one line per family, whole-row accuracy first. */
export function formatTable(summary: FamilyAccuracy[]): string {
  const header = `| family | rows | whole row | ${FIELDS.join(' | ')} |`;
  const rule = `|---|---:|---:|${FIELDS.map(() => '---:').join('|')}|`;
  const lines = summary.map(
    (family) =>
      `| ${family.family} | ${family.rows} | ${percent(family.rightRows, family.rows)} | ${FIELDS.map((field) => percent(family.fieldRight[field], family.rows)).join(' | ')} |`,
  );
  const total = summary.reduce((sum, family) => sum + family.rows, 0);
  const right = summary.reduce((sum, family) => sum + family.rightRows, 0);
  return [header, rule, ...lines, `| all | ${total} | ${percent(right, total)} |${FIELDS.map(() => '').join(' |')} |`].join('\n');
}

/** One miss in words: what the label says and what the parser gave, field by field. */
export function describeMiss(result: RowResult): string {
  const source = result.record.line ?? `${result.record.page} row ${result.record.row}`;
  if (result.actual === undefined) return `${result.record.origin}: "${source}" gave a different number of rows`;
  const fields = result.wrongFields.map(
    (field) => `${field}: expected ${JSON.stringify(result.expected[field])}, got ${JSON.stringify(result.actual?.[field])}`,
  );
  return `${result.record.origin} (row ${result.index + 1}): "${source}"\n    ${fields.join('\n    ')}`;
}
