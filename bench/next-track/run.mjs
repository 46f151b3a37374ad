#!/usr/bin/env node
// bench/next-track: "what do DJs play right after A?" scored on real DJ tracklists.
//
//   npm run bench:next-track [-- --corpus <file|folder> ...] [--split random|date] [--seed 42] [--test-share 0.2]
//        [--cutoff 2005-01-01] [--k 10] [--bootstrap 1000]
//
// Default corpus: the bundled real tracklists (the 878 Essential Mix pages and the 257-mix MixesDB CSV sample).
// The training setlists are written back in their own format and imported by the real `crawl import` CLI into a
// database of their own (<DATABASE_URL's database>_bench_next_track, re-created), synced by the real sync CLI into
// the Neo4j at NEO4J_URI (its graph is REPLACED), and the API (buildApp, real HTTP on a loopback port, rate limit
// raised for the benchmark) answers for every test pair A -> B whose A the graph knows. Writes
// bench/results/next-track.json and prints the README tables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { recreateDatabase } from '../../scripts/test-database.mjs';
import { REPO_ROOT, benchDatabaseUrl, runImportCli } from '../import/cli.mjs';
import { readCorpus, writeCorpus } from './corpus.mjs';
import { ABLATION, graphqlClient, rankings } from './rankings.mjs';
import { formatNextTrackTables } from './report.mjs';
import { bootstrapDifference, dateSplit, METRICS, pairsOf, randomSplit, scorePairs, summarise } from './score.mjs';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    split: { type: 'string', default: 'random' },
    seed: { type: 'string', default: '42' },
    'test-share': { type: 'string', default: '0.2' },
    cutoff: { type: 'string', default: '2005-01-01' },
    k: { type: 'string', default: '10' },
    bootstrap: { type: 'string', default: '1000' },
  },
});
const log = (message) => process.stderr.write(`[bench:next-track] ${message}\n`);
const k = Number(values.k);
const corpusPaths = values.corpus ?? [
  join(REPO_ROOT, 'data', 'mixesdb-wikitext'),
  ...[
    'Adiel',
    'Ben_Klock',
    'Fadi_Mohem',
    'JakoJako',
    'Len_Faki',
    'Luke_Slater',
    'Marcel_Dettmann',
    'Robert_Hood',
    'hawtin_cocorico',
    'hawtin_villalobos',
    'marco_carola_2008',
    'raresh',
    'richie_hawtin',
  ].map((n) => join(REPO_ROOT, 'crawler', 'src', 'sources', 'mixesdb', 'fixtures', `${n}_tracklists.csv`)),
];

// 1. corpus and split
const setlists = readCorpus(corpusPaths);
const split =
  values.split === 'date'
    ? dateSplit(setlists, values.cutoff)
    : randomSplit(
        setlists.map((s) => s.id),
        { seed: Number(values.seed), testShare: Number(values['test-share']) },
      );
log(
  `${setlists.length} setlists: ${split.train.size} train, ${split.test.size} test (${values.split === 'date' ? `test = on or after ${values.cutoff}` : `seed ${values.seed}`})`,
);

// 2. the training setlists through the real import and sync
const databaseUrl = benchDatabaseUrl('bench_next_track');
await recreateDatabase(databaseUrl);
const trainDir = mkdtempSync(join(tmpdir(), 'songnodes-next-track-'));
writeCorpus(
  setlists.filter((s) => split.train.has(s.id)),
  trainDir,
);
const imported = await runImportCli(databaseUrl, [trainDir]);
log(`imported the training setlists in ${imported.seconds.toFixed(1)} s`);
const sync = spawnSync(process.execPath, [join(REPO_ROOT, 'server/dist/sync/main.js'), '--full'], {
  env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  encoding: 'utf8',
});
if (sync.status !== 0) throw new Error(`sync failed: ${sync.stderr}`);

// 3. the API, and the ids of the test pairs' tracks
const require = createRequire(join(REPO_ROOT, 'server', 'package.json'));
const { buildApp } = require(join(REPO_ROOT, 'server/dist/app.js'));
const { loadServerConfig } = require(join(REPO_ROOT, 'server/dist/config.js'));
const app = await buildApp(loadServerConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'production' }), {
  clientDir: null,
  rateLimit: { perSecond: 1e9, burst: 1e9 },
});
const url = await app.listen(0, '127.0.0.1');
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
try {
  const { rows: graphTracks } = await pool.query('SELECT t.id, t.track_key FROM silver.tracks t JOIN silver.graph_tracks g USING (id)');
  const idOf = new Map(graphTracks.map((r) => [r.track_key, Number(r.id)]));
  const pairs = setlists.filter((s) => split.test.has(s.id)).flatMap((s) => pairsOf(s.rows));
  const covered = pairs.filter((p) => idOf.has(p.from));
  const coverage = {
    testPairs: pairs.length,
    fromKnown: covered.length / pairs.length,
    toKnown: pairs.filter((p) => idOf.has(p.to)).length / pairs.length,
    bothKnown: pairs.filter((p) => idOf.has(p.from) && idOf.has(p.to)).length / pairs.length,
  };
  const evalPairs = covered.map((p) => ({ from: idOf.get(p.from), to: idOf.get(p.to) ?? -1 }));
  const sources = [...new Set(evalPairs.map((p) => p.from))];
  log(`${pairs.length} test pairs, ${evalPairs.length} with A in the graph (${sources.length} distinct A); asking the API`);

  // 4. every ranking for every distinct A
  const r = rankings({ pg: pool, graphql: graphqlClient(url), k });
  const methods = {
    'nextTracks (API)': r.nextTracksApi,
    'explorer: neighbourhood OUT by weight (API)': r.explorerApi,
    'baseline: out-edges by raw count': r.rawCount,
    'baseline: most-played tracks': r.mostPlayed,
    'baseline: shared setlists (recommendations, API)': r.recommendationsApi,
    ...Object.fromEntries(ABLATION.map((step, i) => [`ablation: ${step.name}`, r.ablation(i)])),
  };
  const answers = {};
  const started = Date.now();
  for (const [name, rank] of Object.entries(methods)) {
    const byA = new Map();
    for (const a of sources) byA.set(a, await rank(a));
    answers[name] = byA;
  }
  const apiSeconds = (Date.now() - started) / 1000;
  const full = answers[`ablation: ${ABLATION[ABLATION.length - 1].name}`];
  const differing = sources.filter((a) => JSON.stringify(full.get(a)) !== JSON.stringify(answers['nextTracks (API)'].get(a)));
  const explorerDiffering = sources.filter(
    (a) =>
      JSON.stringify(answers[`ablation: ${ABLATION[0].name}`].get(a)) !==
      JSON.stringify(answers['explorer: neighbourhood OUT by weight (API)'].get(a)),
  );

  // 5. scores, and the product against the raw-count baseline with paired bootstrap intervals
  const ranks = Object.fromEntries(Object.entries(answers).map(([name, byA]) => [name, scorePairs(evalPairs, (a) => byA.get(a), k)]));
  const scores = Object.fromEntries(Object.entries(ranks).map(([name, rs]) => [name, summarise(rs)]));
  const rounds = Number(values.bootstrap);
  const versus = (a, b) =>
    Object.fromEntries(['hit@10', 'mrr'].map((m) => [m, bootstrapDifference(ranks[a], ranks[b], METRICS[m], { rounds })]));
  const result = {
    date: new Date().toISOString(),
    corpus: corpusPaths.map((p) => relative(REPO_ROOT, p)),
    split:
      values.split === 'date'
        ? { kind: 'date', cutoff: values.cutoff }
        : { kind: 'random', seed: Number(values.seed), testShare: Number(values['test-share']) },
    setlists: { all: setlists.length, train: split.train.size, test: split.test.size },
    graph: (
      await pool.query(
        'SELECT (SELECT count(*) FROM silver.graph_tracks)::int AS tracks, (SELECT count(*) FROM silver.graph_transitions)::int AS transitions, (SELECT max(weight) FROM silver.graph_transitions)::int AS heaviest',
      )
    ).rows[0],
    coverage,
    k,
    scores,
    nextTracksVsRawCount: versus('nextTracks (API)', 'baseline: out-edges by raw count'),
    nextTracksVsExplorer: versus('nextTracks (API)', 'explorer: neighbourhood OUT by weight (API)'),
    checks: {
      apiEqualsFullAblation: differing.length === 0,
      explorerEqualsWeightOnly: explorerDiffering.length === 0,
      differingSources: differing.length,
      explorerDiffering: explorerDiffering.length,
    },
    seconds: { import: imported.seconds, askingEveryMethod: apiSeconds },
  };
  await mkdir(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  await writeFile(join(REPO_ROOT, 'bench', 'results', 'next-track.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${formatNextTrackTables(result)}\n`);
} finally {
  await pool.end();
  await app.close();
}
