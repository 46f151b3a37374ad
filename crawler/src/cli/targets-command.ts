import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Pool } from 'pg';
import { addTarget, listTargets } from '../db/targets';
import { SOURCE_NAMES } from '../sources/source-names';
import { UsageError, type Output } from './output';

/** `crawl targets add --artist A --title T | import <file.csv> | list` */
export async function targetsCommand(pool: Pool, argv: string[], out: Output): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === 'add') {
    const { values } = parseArgs({ args: rest, options: { artist: { type: 'string' }, title: { type: 'string' } } });
    const artist = values.artist?.trim();
    const title = values.title?.trim();
    if (!artist || !title) throw new UsageError('targets add needs --artist "Artist" and --title "Title"');
    const added = await addTarget(pool, artist, title, [...SOURCE_NAMES]);
    out.line(added.length ? `added "${artist} - ${title}" for ${added.join(', ')}` : `"${artist} - ${title}" is already a target`);
    return 0;
  }
  if (verb === 'import') {
    const file = rest[0];
    if (!file) throw new UsageError('targets import needs a CSV file with the columns artist,title');
    return importTargets(pool, file, out);
  }
  if (verb === 'list') {
    for (const t of await listTargets(pool)) {
      const next = t.next_search_after.toISOString().slice(0, 16).replace('T', ' ');
      out.line(
        `${String(t.id).padStart(5)}  ${t.source.padEnd(14)} ${t.status.padEnd(9)} results ${String(t.results_found).padStart(4)}  setlists ${String(t.setlists_found).padStart(3)}  next ${next}  ${t.artist} - ${t.title}${t.last_error ? `  (${t.last_error})` : ''}`,
      );
    }
    return 0;
  }
  throw new UsageError('targets takes add, import or list');
}

/** Imports every good line; a bad line is reported with its line number and reason, and the import goes on. */
async function importTargets(pool: Pool, file: string, out: Output): Promise<number> {
  let records: Record<string, string>[];
  try {
    records = parseCsv(await readFile(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (error) {
    throw new UsageError(`cannot read ${file} as CSV with a header line artist,title: ${(error as Error).message}`);
  }
  let added = 0;
  let existing = 0;
  const rejected: string[] = [];
  for (const [i, record] of records.entries()) {
    const artist = record.artist?.trim();
    const title = record.title?.trim();
    if (!artist || !title) {
      rejected.push(`line ${i + 2}: needs both artist and title (got ${JSON.stringify(record)})`);
      continue;
    }
    if ((await addTarget(pool, artist, title, [...SOURCE_NAMES])).length > 0) added += 1;
    else existing += 1;
  }
  for (const reason of rejected) out.error(`rejected ${reason}`);
  out.line(`imported ${added} new target(s), ${existing} already present, ${rejected.length} rejected`);
  return 0;
}
