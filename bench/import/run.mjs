#!/usr/bin/env node
// bench/import: rows/s into silver through the real `crawl import` CLI on the 878 Essential Mix pages, a second
// import of the same file, a plain COPY of the same rows into a scratch table (the floor), and where the time goes.
//
//   npm run bench:import [-- --corpus data/mixesdb-wikitext/essential-mix-1993-2009.json] [--runs 5] [--skip-profile] [--with-per-setlist]
//
// The first import runs --runs times, each into a re-created database, and the median run is reported with the
// fastest and the slowest beside it: on this shared machine one run of the same import varied by a fifth.
// The import is the bulk path (`crawl import`'s default: 250 setlists per transaction, set-based); --with-per-setlist
// also times the older per-setlist path (`--per-setlist`) on the same corpus in the same run, into its own database.
// Uses its own PostgreSQL databases (<DATABASE_URL's database>_bench_import, _bench_import_per_setlist and
// _bench_import_profile, re-created).
// Writes bench/results/import.json and prints the README table.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { recreateDatabase } from '../../scripts/test-database.mjs';
import { REPO_ROOT, benchDatabaseUrl, runImportCli } from './cli.mjs';
import { measureCopyFloor } from './copy-floor.mjs';
import { profileImport } from './profile.mjs';
import { formatImportTable } from './report.mjs';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(REPO_ROOT, 'data', 'mixesdb-wikitext', 'essential-mix-1993-2009.json') },
    'skip-profile': { type: 'boolean', default: false },
    'with-per-setlist': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
});
const log = (message) => process.stderr.write(`[bench:import] ${message}\n`);

async function silverCounts(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT (SELECT count(*) FROM silver.setlists)::int AS setlists,
      (SELECT count(*) FROM silver.setlist_tracks)::int AS rows, (SELECT count(*) FROM silver.transitions WHERE weight > 0)::int AS transitions`);
    return rows[0];
  } finally {
    await client.end();
  }
}

/** The command's own time, from its summary line (without Node starting and loading the crawler's modules). */
const commandSeconds = (stdout) => Number(/; ([\d.]+) s$/m.exec(stdout)?.[1] ?? NaN);

const databaseUrl = benchDatabaseUrl('bench_import');
const runs = Math.max(1, Number(values.runs) || 1);
const loadBefore = loadavg()[0];
const firsts = [];
for (let i = 1; i <= runs; i++) {
  await recreateDatabase(databaseUrl);
  log(`first import of ${relative(REPO_ROOT, values.corpus)} (run ${i} of ${runs})`);
  firsts.push(await runImportCli(databaseUrl, [values.corpus]));
}
const bySpeed = [...firsts].sort((a, b) => a.seconds - b.seconds);
const first = bySpeed[Math.floor((bySpeed.length - 1) / 2)];
const counts = await silverCounts(databaseUrl);
log(`second import of the same file`);
const second = await runImportCli(databaseUrl, [values.corpus]);
const after = await silverCounts(databaseUrl);
if (JSON.stringify(after) !== JSON.stringify(counts))
  throw new Error(`the second import changed silver: ${JSON.stringify({ counts, after })}`);
log('COPY floor');
const floor = measureCopyFloor(databaseUrl);
let perSetlist = null;
if (values['with-per-setlist']) {
  log('first import again through the per-setlist path, for comparison');
  const url = benchDatabaseUrl('bench_import_per_setlist');
  await recreateDatabase(url);
  const run = await runImportCli(url, [values.corpus], ['--per-setlist']);
  const rows = (await silverCounts(url)).rows;
  perSetlist = {
    seconds: run.seconds,
    rowsPerSecond: Math.round(rows / run.seconds),
    commandSeconds: commandSeconds(run.stdout),
    maxRssMb: run.maxRssMb,
  };
}
let profile = null;
if (!values['skip-profile']) {
  log('profile (in-process, twice: with and without the transition triggers)');
  profile = await profileImport(benchDatabaseUrl('bench_import_profile'), values.corpus);
}

const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, loadAverage1mBefore: loadBefore, loadAverage1mAfter: loadavg()[0] },
  corpus: relative(REPO_ROOT, values.corpus),
  silver: counts,
  first: {
    path: 'bulk (250 setlists per transaction)',
    runs,
    runSeconds: firsts.map((run) => run.seconds),
    fastestRowsPerSecond: Math.round(counts.rows / bySpeed[0].seconds),
    slowestRowsPerSecond: Math.round(counts.rows / bySpeed.at(-1).seconds),
    seconds: first.seconds,
    rowsPerSecond: Math.round(counts.rows / first.seconds),
    setlistsPerSecond: Math.round(counts.setlists / first.seconds),
    commandSeconds: commandSeconds(first.stdout),
    commandRowsPerSecond: Math.round(counts.rows / commandSeconds(first.stdout)),
    maxRssMb: first.maxRssMb,
    summary: first.stdout.trim().split('\n'),
  },
  perSetlist,
  second: {
    seconds: second.seconds,
    speedup: Number((first.seconds / second.seconds).toFixed(1)),
    // the command's own time (its summary line), without Node loading the crawler's modules
    commandSeconds: commandSeconds(second.stdout),
    maxRssMb: second.maxRssMb,
  },
  copyFloor: floor,
  profile,
  targets: { rowsPerSecond: 5000, secondImportSpeedup: 10 },
};
await mkdir(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
await writeFile(join(REPO_ROOT, 'bench', 'results', 'import.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${formatImportTable(result)}\n`);
