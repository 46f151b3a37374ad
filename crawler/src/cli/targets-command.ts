import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkTargetTrack } from '@songnodes/contracts';
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
    if (!values.artist?.trim() || !values.title?.trim()) throw new UsageError('targets add needs --artist "Artist" and --title "Title"');
    // the same check as the API's addTargetTrack and requestTrack (@songnodes/contracts)
    const check = checkTargetTrack(values.artist, values.title);
    if (!check.ok) throw new UsageError(`targets add: ${check.reason}`);
    const { artist, title } = check;
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
    records = parseCsv(await readFile(file, 'utf8'), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new UsageError(`cannot read ${file} as CSV with a header line artist,title: ${(error as Error).message}`);
  }
  let added = 0;
  let existing = 0;
  const rejected: string[] = [];
  for (const [i, record] of records.entries()) {
    const check = checkTargetTrack(record.artist, record.title);
    if (!check.ok) {
      rejected.push(`line ${i + 2}: ${check.reason} (got ${JSON.stringify(record)})`);
      continue;
    }
    if ((await addTarget(pool, check.artist, check.title, [...SOURCE_NAMES])).length > 0) added += 1;
    else existing += 1;
  }
  for (const reason of rejected) out.error(`rejected ${reason}`);
  out.line(`imported ${added} new target(s), ${existing} already present, ${rejected.length} rejected`);
  return 0;
}
