/**
 * The labelled set: real tracklist rows with the reading a person gives them, one `<family>[.<who>].labelled.json`
 * file per source family (docs/parsing.md, "Labelled set"). Line records name a line and the parser reads it on its
 * own (or, with `page` + `pageLine`, inside its page); page records name a page and a row index in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root: label files name their material by paths from it. */
export const REPO_ROOT = resolve(__dirname, '../../..');
export const LABELLED_DIR = __dirname;

/** One row as a person reads it. */
export interface ExpectedRow {
  artist: string | null;
  featured: string[];
  title: string | null;
  version: string | null;
  label: string | null;
  unidentified: boolean;
  layered: boolean;
  primaryArtists: string[];
}

export const FIELDS = ['artist', 'featured', 'title', 'version', 'label', 'unidentified', 'layered', 'primaryArtists'] as const;
export type Field = (typeof FIELDS)[number];

export interface LabelledRecord {
  family: string;
  file: string;
  origin: string;
  /** a line read by the family's line parser */
  line?: string;
  /** a page (repo path, optionally "#key" into a JSON object of pages) */
  page?: string;
  /** the row's index among the page's rows (page records) */
  row?: number;
  /** the 1-based line of the page the row comes from (MixesDB wikitext) */
  pageLine?: number;
  /** the rows the line gives (one object for one row) */
  expect: ExpectedRow[];
  /** held back while the rules were written; reported on its own */
  heldOut: boolean;
  /** labelled only after the rules were frozen (a `*.post-freeze[-N].labelled.json` file, N the batch); reported on its own */
  postFreeze: string | null;
}

/** FNV-1a: a stable hash, so the held-out fifth is the same on every machine and every run. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** About one record in five is held out, chosen by the hash of its origin (never by looking at it). */
export function isHeldOut(origin: string): boolean {
  return fnv1a(origin) % 5 === 0;
}

function asRow(value: unknown, where: string): ExpectedRow {
  const row = value as Partial<ExpectedRow> | null;
  const missing = FIELDS.filter((field) => row === null || typeof row !== 'object' || !(field in row));
  if (missing.length > 0) throw new Error(`${where}: expect lacks ${missing.join(', ')}`);
  return row as ExpectedRow;
}

/** Every label file in the folder; a 1001tracklists file another helper writes is picked up like the others. */
export function loadLabelledSet(dir: string = LABELLED_DIR): LabelledRecord[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.labelled.json'))
    .sort();
  return files.flatMap((file) => {
    const family = file.replace(/\.labelled\.json$/, '').split('.')[0] ?? file;
    const records = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Array<Record<string, unknown>>;
    if (!Array.isArray(records)) throw new Error(`${file}: not a JSON array of records`);
    return records.map((record, index) => {
      const where = `${file}[${index}]`;
      const origin = String(record.origin ?? '');
      if (origin === '') throw new Error(`${where}: no origin`);
      const expect = Array.isArray(record.expect)
        ? record.expect.map((row, at) => asRow(row, `${where}.expect[${at}]`))
        : [asRow(record.expect, `${where}.expect`)];
      return {
        family,
        file,
        origin,
        expect,
        heldOut: isHeldOut(origin),
        postFreeze: /\.(post-freeze(?:-\d+)?)\./.exec(file)?.[1] ?? null,
        ...(typeof record.line === 'string' ? { line: record.line } : {}),
        ...(typeof record.page === 'string' ? { page: record.page } : {}),
        ...(typeof record.row === 'number' ? { row: record.row } : {}),
        ...(typeof record.pageLine === 'number' ? { pageLine: record.pageLine } : {}),
      };
    });
  });
}
