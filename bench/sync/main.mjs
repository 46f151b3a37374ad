#!/usr/bin/env node
// bench/sync: the silver -> gold sync on the SYNTHETIC dataset of bench/generate.
//
//   npm run build -w server && node bench/sync/main.mjs [--size large] [--regenerate] [--batch-size N]
//        [--setlists 50] [--naive-edges 50000] [--skip-naive] [--skip-ceiling] [--database-url URL] [--neo4j-uri URI]
//
// Uses its own PostgreSQL database (default songnodes_bench, loaded by bench/generate when empty) and REPLACES the
// graph in the Neo4j it points at (default: the dev stack, bolt://127.0.0.1:7688). Writes bench/results/sync.json
// and prints the markdown table the README shows.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import pg from 'pg';
import pino from 'pino';
import { migratePostgres } from '../../scripts/migrate.mjs';
import { LOCAL_STACK, localNeo4jUri } from '../../scripts/local-stack.mjs';
import { BENCH_DATABASE_URL, generateDataset, recreateDatabase } from '../generate/main.mjs';
import { REPO_ROOT, loadSyncModule, runSyncCli } from './gold-admin.mjs';
import { measureWriteCeiling } from './measure-ceiling.mjs';
import { measureFullIntoEmpty, measureFullRebuild } from './measure-full.mjs';
import { measureIncrementalLatency } from './measure-incremental.mjs';
import { measureNaiveProjection } from './measure-naive.mjs';
import { formatSyncTable } from './report.mjs';

const log = pino({ base: { service: 'bench-sync' } }, pino.destination(2));
const TARGETS = { fullTransitionsPerSecond: 50_000, incrementalP95Ms: 1000 };

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'large' },
    seed: { type: 'string', default: '42' },
    namespace: { type: 'string', default: 'synthetic' },
    regenerate: { type: 'boolean', default: false },
    'batch-size': { type: 'string' },
    setlists: { type: 'string', default: '50' },
    'naive-edges': { type: 'string', default: '50000' },
    'skip-naive': { type: 'boolean', default: false },
    'skip-ceiling': { type: 'boolean', default: false },
    'database-url': { type: 'string', default: BENCH_DATABASE_URL },
    'neo4j-uri': { type: 'string', default: process.env.NEO4J_URI || localNeo4jUri('dev') },
  },
});

async function ensureDataset(databaseUrl) {
  if (values.regenerate) await recreateDatabase(databaseUrl);
  else await migratePostgres(databaseUrl).catch(async () => recreateDatabase(databaseUrl));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const loaded = await client.query('SELECT 1 FROM silver.tracks WHERE track_key LIKE $1 LIMIT 1', [`${values.namespace}:%`]);
    if (loaded.rowCount === 0) {
      log.info({ size: values.size }, 'generating the synthetic dataset (a few minutes for large)');
      await generateDataset({ databaseUrl, size: values.size, seed: Number(values.seed), namespace: values.namespace, setlistChunk: 5000 });
    }
    const { rows } = await client.query(`SELECT
      (SELECT count(*) FROM silver.graph_tracks)::int AS tracks, (SELECT count(*) FROM silver.graph_transitions)::int AS transitions,
      (SELECT count(*) FROM silver.track_artists ta JOIN silver.graph_tracks t ON t.id = ta.track_id)::int AS credits,
      (SELECT count(*) FROM silver.setlists)::int AS setlists, (SELECT count(*) FROM silver.tracks WHERE NOT artist_valid)::int AS invalid_tracks`);
    return { synthetic: true, size: values.size, seed: Number(values.seed), ...rows[0] };
  } finally {
    await client.end();
  }
}

async function main() {
  loadSyncModule();
  const databaseUrl = values['database-url'];
  const env = {
    DATABASE_URL: databaseUrl,
    NEO4J_URI: values['neo4j-uri'],
    LOG_LEVEL: 'info',
    // `--watch` serves /healthz, /readyz, /metrics: on a free port, whatever else runs here.
    HEALTH_PORT: '0',
    ...(values['batch-size'] ? { SYNC_BATCH_SIZE: values['batch-size'] } : {}),
  };
  const settings = {
    batchSize: Number(values['batch-size'] ?? process.env.SYNC_BATCH_SIZE ?? 5000),
    writers: Number(process.env.SYNC_FULL_WRITERS ?? 2),
  };
  const dataset = await ensureDataset(databaseUrl);
  log.info(dataset, 'dataset ready');

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const driver = neo4j.driver(
    values['neo4j-uri'],
    neo4j.auth.basic(process.env.NEO4J_USER || LOCAL_STACK.neo4j.user, process.env.NEO4J_PASSWORD || LOCAL_STACK.neo4j.password),
    { disableLosslessIntegers: true },
  );
  const results = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    targets: TARGETS,
    settings,
    dataset,
  };
  try {
    if (!values['skip-naive']) {
      results.naive = await measureNaiveProjection({ pg: pool, driver, edges: Number(values['naive-edges']), log });
      log.info(results.naive, 'naive baseline measured');
    }
    results.full = await measureFullIntoEmpty({ driver, env });
    log.info(results.full, 'full projection into empty gold measured');
    results.fullRebuild = await measureFullRebuild({ env });
    log.info(results.fullRebuild, '--full over the previous graph measured');
    if (!values['skip-ceiling']) {
      results.writeCeiling = await measureWriteCeiling({ pg: pool, driver, log });
    }
    results.incremental = await measureIncrementalLatency({
      pg: pool,
      env,
      size: values.size,
      seed: Number(values.seed),
      namespace: values.namespace,
      count: Number(values.setlists),
      log,
    });
    log.info(results.incremental, 'incremental latency measured');
    if (results.naive) results.speedRatio = Math.round((results.full.transitionsPerSecond / results.naive.transitionsPerSecond) * 10) / 10;
    results.checkEqual = await runSyncCli(['--check'], env).then(
      () => true,
      () => false,
    );
  } finally {
    await Promise.allSettled([pool.end(), driver.close()]);
  }
  results.machine.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
  await mkdir(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  await writeFile(join(REPO_ROOT, 'bench', 'results', 'sync.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatSyncTable(results)}\n`);
}

main().catch((error) => {
  log.error({ err: error }, 'bench/sync failed');
  process.exitCode = 1;
});
