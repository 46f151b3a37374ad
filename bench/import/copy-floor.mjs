// The floor: the same silver rows the import wrote, COPYed by psql into a scratch table with the same columns and
// no index, trigger or constraint. Nothing can store those rows faster on this machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPsql } from '../generate/copy-load.mjs';

function psql(databaseUrl, script) {
  const run = spawnSync(findPsql(), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', databaseUrl], { input: script, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
  return run.stdout;
}

/** Exports silver.setlist_tracks, COPYs it into a scratch table in one transaction; returns rows and seconds. */
export function measureCopyFloor(databaseUrl) {
  const file = join(mkdtempSync(join(tmpdir(), 'songnodes-copy-')), 'rows.tsv');
  psql(
    databaseUrl,
    `\\copy (SELECT setlist_id, part_index, part_name, position, track_id, cue, raw FROM silver.setlist_tracks) TO '${file}'`,
  );
  const out = psql(
    databaseUrl,
    [
      'DROP TABLE IF EXISTS public.bench_copy_floor;',
      'CREATE TABLE public.bench_copy_floor (setlist_id bigint, part_index integer, part_name text, position integer, track_id bigint, cue text, raw text);',
      '\\timing on',
      'BEGIN;',
      `\\copy public.bench_copy_floor FROM '${file}'`,
      'COMMIT;',
      '\\timing off',
      'SELECT count(*) AS n FROM public.bench_copy_floor \\gset',
      '\\echo rows=:n',
      'DROP TABLE public.bench_copy_floor;',
    ].join('\n'),
  );
  const times = [...out.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
  const rows = Number(/rows=(\d+)/.exec(out)?.[1]);
  // BEGIN, COPY, COMMIT: the COPY and its commit are the floor.
  const seconds = ((times[1] ?? 0) + (times[2] ?? 0)) / 1000;
  return { rows, seconds, rowsPerSecond: Math.round(rows / seconds) };
}
