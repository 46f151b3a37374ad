#!/usr/bin/env node
// bench/generate: writes a SYNTHETIC silver dataset (made-up artists, tracks, DJs and setlists) for benchmarks and
// tests. Every row is labelled: keys start with the namespace ("synthetic:"), setlist URLs with synthetic://,
// setlist titles with "[synthetic]".
//
//   node bench/generate/main.mjs --size tiny|small|medium|large [--seed 42] [--namespace synthetic]
//        [--database-url URL] [--recreate] [--setlist-chunk 5000]
//
// Prints a JSON summary (what silver now holds) on stdout; progress goes to stderr as pino JSON lines.
import { parseArgs } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { loadCatalogue } from './copy-load.mjs';
import { buildCatalogue } from './model.mjs';
import { SIZES } from './sizes.mjs';
import { recreateDatabase } from '../../scripts/test-database.mjs';
import { localDatabaseUrl } from '../../scripts/local-stack.mjs';

/** The local stack's benchmark database: never the dev database, so synthetic rows stay out of real data. */
export const BENCH_DATABASE_URL = localDatabaseUrl('songnodes_bench');

const log = pino({ base: { service: 'bench-generate' } }, pino.destination(2));

export { recreateDatabase };

/** Generates and loads one dataset; resolves with silver's counts afterwards. */
export async function generateDataset({ databaseUrl, size, seed, namespace, setlistChunk }) {
  const preset = SIZES[size];
  if (!preset) {
    const sizes = Object.entries(SIZES)
      .map(([name, p]) => `${name} (${p.approx})`)
      .join(', ');
    throw new Error(`unknown --size ${size}: use one of ${sizes}`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const taken = await client.query('SELECT 1 FROM silver.tracks WHERE track_key LIKE $1 LIMIT 1', [`${namespace}:%`]);
    if (taken.rowCount) throw new Error(`namespace "${namespace}" is already loaded here: pass another --namespace or --recreate`);
    const started = Date.now();
    const catalogue = buildCatalogue(preset, seed);
    log.info(
      { size, seed, tracks: catalogue.tracks.length, artists: catalogue.artists.length, djs: catalogue.djs.length },
      'catalogue built',
    );
    const loaded = await loadCatalogue({ databaseUrl, catalogue, namespace, setlistChunk, log: (msg) => log.info(msg) });
    const { rows } = await client.query(`SELECT
      (SELECT count(*) FROM silver.tracks)::int AS tracks,
      (SELECT count(*) FROM silver.graph_tracks)::int AS graph_tracks,
      (SELECT count(*) FROM silver.tracks WHERE NOT artist_valid)::int AS invalid_tracks,
      (SELECT count(*) FROM silver.artists)::int AS artists,
      (SELECT count(*) FROM silver.transitions WHERE weight > 0)::int AS transitions,
      (SELECT count(*) FROM silver.graph_transitions)::int AS graph_transitions,
      (SELECT max(weight) FROM silver.transitions)::int AS max_weight`);
    return { synthetic: true, size, seed, namespace, ...loaded, ...rows[0], seconds: (Date.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'tiny' },
      seed: { type: 'string', default: '42' },
      namespace: { type: 'string', default: 'synthetic' },
      'database-url': { type: 'string' },
      recreate: { type: 'boolean', default: false },
      'setlist-chunk': { type: 'string', default: '5000' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL ?? BENCH_DATABASE_URL;
  if (values.recreate) await recreateDatabase(databaseUrl);
  const summary = await generateDataset({
    databaseUrl,
    size: values.size,
    seed: Number(values.seed),
    namespace: values.namespace,
    setlistChunk: Number(values['setlist-chunk']),
  });
  log.info(summary, 'synthetic dataset loaded');
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    log.error({ err: error }, 'bench/generate failed');
    process.exitCode = 1;
  });
}
