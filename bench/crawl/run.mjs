#!/usr/bin/env node
// bench/crawl: parse + store throughput of the real crawler through the replay server (no internet).
// `crawl sample`: the 257 real MixesDB mixes of the bundled sample served as wikitext; one target per mix (its first
// identified row) makes the crawler search, fetch every page, parse, write bronze and refine to silver, delays at 0.
// Writes bench/results/crawl.json and prints a markdown table. Usage: npm run bench:crawl (builds the crawler first).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { recreateDatabase } from '../../scripts/test-database.mjs';
import { localDatabaseUrl } from '../../scripts/local-stack.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { crawlSample, loadCrawlerConfig, createPool } = require('@songnodes/crawler');
const pino = require('pino');

const url = new URL(process.env.DATABASE_URL || localDatabaseUrl());
url.pathname = '/songnodes_bench_crawl';
process.env.LOG_LEVEL = 'silent';
await recreateDatabase(url.toString());

const config = loadCrawlerConfig({ ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' });
const pool = createPool(config.databaseUrl);
const memoryBefore = process.memoryUsage().rss;
const started = performance.now();
const sample = await crawlSample({ config, pool, logger: pino({ level: 'silent' }) });
const seconds = (performance.now() - started) / 1000;
const targets = sample.targets;
const fetched = (await pool.query(`SELECT kind, count(*)::int AS n FROM bronze.pages GROUP BY kind`)).rows;
const pages = fetched.find((r) => r.kind === 'setlist')?.n ?? 0;
const searches = fetched.find((r) => r.kind === 'search')?.n ?? 0;
const stored = (await pool.query(`SELECT count(*)::int AS setlists, sum(track_count)::int AS rows FROM silver.setlists`)).rows[0];
const bronzeRows = (await pool.query('SELECT count(*)::int AS n FROM bronze.setlist_rows')).rows[0].n;
const transitions = (await pool.query('SELECT count(*)::int AS n FROM silver.transitions WHERE weight > 0')).rows[0].n;
await pool.end();

const result = {
  benchmark: 'crawl',
  date: new Date().toISOString(),
  machine: '2 cores, 24 GiB (this workplace)',
  input: 'bundled sample: 257 real MixesDB mixes served by the replay server (local, delays 0)',
  targets,
  searchRequests: searches,
  setlistPagesFetched: pages,
  silverSetlists: stored.setlists,
  silverRows: stored.rows,
  bronzeRows,
  transitions,
  seconds: Number(seconds.toFixed(2)),
  pagesPerSecond: Number((pages / seconds).toFixed(1)),
  rowsPerSecond: Number((bronzeRows / seconds).toFixed(0)),
  requestsPerSecond: Number(((pages + searches) / seconds).toFixed(1)),
  rssGrowthMiB: Number(((process.memoryUsage().rss - memoryBefore) / 2 ** 20).toFixed(0)),
};
writeFileSync(join(ROOT, 'bench/results/crawl.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `${[
    '| benchmark | targets | requests (search + page) | setlists | rows | seconds | pages/s | rows/s |',
    '|---|---|---|---|---|---|---|---|',
    `| crawl (replay, 257 real mixes) | ${targets} | ${searches} + ${pages} | ${stored.setlists} | ${bronzeRows} | ${result.seconds} | ${result.pagesPerSecond} | ${result.rowsPerSecond} |`,
  ].join('\n')}\n`,
);
