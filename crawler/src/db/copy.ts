/**
 * Writing many rows with COPY ... FROM STDIN (pg-copy-streams) instead of one INSERT over a JSON document: on the
 * bulk path PostgreSQL spent more time taking the JSON apart than storing the rows (bronze rows: about half of
 * the statement; README "bench/import"). COPY fires the same triggers (row and statement level, with transition
 * tables) and checks the same constraints as an INSERT.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { crawlerSql } from './statements';

/** Text-format escapes: a backslash, and the characters that end a field or a line. */
const escapeText = (text: string) =>
  text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** An array literal for a text[] column: every element quoted, so commas, braces and "NULL" stay text. */
function arrayLiteral(values: readonly unknown[]): string {
  const element = (v: unknown) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`);
  return `{${values.map(element).join(',')}}`;
}

/** One field in COPY's text format: NULL as \N, booleans as t/f, arrays as array literals, all escaped. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot COPY the number ${value}`);
  return escapeText(String(value));
}

/** The column list a COPY statement names: `COPY schema.table (a, b, c) FROM STDIN`. */
export function copyColumns(statement: string): string[] {
  const match = /\bCOPY\s+[\w.]+\s*\(([^)]*)\)\s*FROM\s+STDIN/i.exec(statement);
  if (!match) throw new Error('a COPY statement names its columns: COPY schema.table (a, b) FROM STDIN');
  return (match[1] as string).split(',').map((c) => c.trim());
}

/** The records as COPY text, one line each, fields in the statement's column order. */
export function copyText(columns: readonly string[], records: readonly Record<string, unknown>[]): string {
  let text = '';
  for (const record of records) text += `${columns.map((c) => copyField(record[c])).join('\t')}\n`;
  return text;
}

/** Runs sql/queries/crawler/<name>.sql (a COPY ... FROM STDIN) with `records`; resolves with the rows written. */
export async function copyRecords(client: PoolClient, name: string, records: readonly Record<string, unknown>[]): Promise<number> {
  const statement = crawlerSql(name);
  const stream = client.query(copyFrom(statement));
  await pipeline(Readable.from([copyText(copyColumns(statement), records)]), stream);
  return stream.rowCount;
}
