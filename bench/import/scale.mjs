#!/usr/bin/env node
// Internet scale, SYNTHETIC: a fraction of a MixesDB-sized corpus (bench/import/generate-corpus.mjs) through the real
// import CLI and the real sync CLI, with import time, sync time and both processes' peak memory. The full size is
// extrapolated from the fraction, linearly, and labelled so (the import is the bulk path; a batch's trigger work
// grows as silver grows, so the extrapolation is a lower bound).
//
//   npm run build && node bench/import/scale.mjs [--fraction 0.05] [--seed 42]
//
// Database <DATABASE_URL's database>_bench_import_scale (re-created); the graph at NEO4J_URI is REPLACED.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { recreateDatabase } from '../../scripts/test-database.mjs';
import { REPO_ROOT, benchDatabaseUrl, runImportCli } from './cli.mjs';

const { values } = parseArgs({ options: { fraction: { type: 'string', default: '0.05' }, seed: { type: 'string', default: '42' } } });
const log = (message) => process.stderr.write(`[bench:import-scale] ${message}\n`);
const fraction = Number(values.fraction);

const dir = mkdtempSync(join(tmpdir(), 'songnodes-synthetic-'));
let started = Date.now();
const generated = spawnSync(
  process.execPath,
  [join(REPO_ROOT, 'bench/import/generate-corpus.mjs'), '--out', dir, '--fraction', String(fraction), '--seed', values.seed],
  { encoding: 'utf8' },
);
if (generated.status !== 0) throw new Error(generated.stderr);
const corpus = { ...JSON.parse(generated.stdout), generateSeconds: (Date.now() - started) / 1000 };
log(`generated ${corpus.setlists} synthetic setlists, ${corpus.rows} rows in ${corpus.shards} shards`);

const databaseUrl = benchDatabaseUrl('bench_import_scale');
await recreateDatabase(databaseUrl);
const imported = await runImportCli(databaseUrl, [dir]);
log(`import: ${imported.seconds.toFixed(1)} s`);

started = Date.now();
const timeArgs = existsSync('/usr/bin/time') ? ['/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath]] : [process.execPath, []];
const sync = spawnSync(timeArgs[0], [...timeArgs[1], join(REPO_ROOT, 'server/dist/sync/main.js'), '--full'], {
  env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  encoding: 'utf8',
});
if (sync.status !== 0) throw new Error(`sync failed: ${sync.stderr}`);
const syncSeconds = (Date.now() - started) / 1000;
const syncRss = /maxrss_kb=(\d+)/.exec(sync.stderr);
log(`sync: ${syncSeconds.toFixed(1)} s`);

const full = (seconds) => Math.round(seconds / fraction);
const result = {
  date: new Date().toISOString(),
  synthetic: true,
  fraction,
  corpus,
  import: {
    seconds: imported.seconds,
    rowsPerSecond: Math.round(corpus.rows / imported.seconds),
    maxRssMb: imported.maxRssMb,
    summary: imported.stdout.trim().split('\n'),
  },
  sync: { seconds: syncSeconds, maxRssMb: syncRss ? Math.round(Number(syncRss[1]) / 1024) : null },
  extrapolatedToFullSize: {
    label: 'EXTRAPOLATION, not measured: linear from the fraction (a lower bound: a batch costs more as silver grows)',
    importSeconds: full(imported.seconds),
    syncSeconds: full(syncSeconds),
  },
};
const path = join(REPO_ROOT, 'bench', 'results', 'import-scale.json');
writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
