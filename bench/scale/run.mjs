#!/usr/bin/env node
// bench/scale: the scale-out of README "The sync and read scale-out", simulated on one machine with real processes
// started from the built tree — the commands a container runs, not the in-process functions:
//   2 gold instances  = 2 Neo4j (scripts/stack.sh) + 2 `server/dist/sync/main.js --watch` (SYNC_INSTANCE_NAME gold-0/1)
//   3 API processes   = `server/dist/main.js`, NEO4J_URI listing both gold instances (the API's gold pool)
//   1 proxy           = bench/scale/proxy.mjs, round robin over the APIs, WebSocket upgrades passed through
//   3 crawl workers   = `crawler/dist/main.js worker --source mixesdb` against `crawler/dist/main.js replay --sample`
// and shows: every target crawled exactly once (ops tables), both gold instances equal to silver's checksum
// (`checkGold`, what `sync --check` runs), every API process delivering graphChanged to a graphql-ws subscriber
// connected through the proxy, read throughput with 1, 2 and 3 API processes, what killing one API process and one
// gold instance under load costs, and how long a third gold instance takes to catch up from empty.
//
//   npm run bench:scale            (builds server + crawler first; writes bench/results/scale.json, prints a table)
//   npm run bench:scale -- --image localhost/songnodes/app:0.1.0   (or SCALE_IMAGE=…)
//       image mode: the 3 APIs, the syncs and the 3 crawl workers run as `podman run --rm --network host --user
//       10001:10001 <image> api|sync|worker …` containers of scripts/build-image.sh's image, with the same env (and
//       nothing else of the bench's); Neo4j, the replay server and the proxy stay as they are. Killing an API
//       process SIGKILLs its container's init. Results in bench/results/scale-image.json, with the image's ID.
//
// Env: DATABASE_URL (its server; the bench re-creates its own database SCALE_DATABASE, default songnodes_bench_scale),
// SCALE_BOLT_PORTS (default 7741,7742,7743), SCALE_PORT_BASE (default 18250: HTTP ports base..base+49),
// SCALE_SECONDS (per throughput cell and round, default 10), SCALE_ROUNDS (default 2), SCALE_CONNECTIONS (default 16), SONGNODES_NEO4J_CACHE (the Neo4j
// jars, as scripts/stack.sh). Every process is killed on exit, also on failure; data lives in a temporary directory.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { recreateDatabase } from '../../scripts/test-database.mjs';
import { LOCAL_STACK, localDatabaseUrl } from '../../scripts/local-stack.mjs';
import { migrateNeo4j } from '../../scripts/migrate.mjs';
import { runLoad } from './load.mjs';
import { imageInfo, imageRefFrom, runtimeArgs, TREE_COMMANDS } from './image.mjs';
import { assertPortsFree, createSupervisor, get, waitFor } from './processes.mjs';
import { exactlyOnce, summariseLoad } from './summary.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { checkGold, createNeo4jDriver } = require('@songnodes/server');
const { addTarget, replay } = require('@songnodes/crawler');

const BOLT = (process.env.SCALE_BOLT_PORTS ?? '7741,7742,7743').split(',').map(Number);
const BASE = Number(process.env.SCALE_PORT_BASE ?? 18250);
const SECONDS = Number(process.env.SCALE_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.SCALE_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.SCALE_ROUNDS ?? 2);
const IMAGE = imageRefFrom(process.argv.slice(2), process.env);
const PORTS = {
  proxy: BASE,
  control: BASE + 1,
  api: [BASE + 10, BASE + 11, BASE + 12],
  syncHealth: [BASE + 20, BASE + 21, BASE + 22],
  workerHealth: [BASE + 30, BASE + 31, BASE + 32],
  replay: BASE + 40,
};
if (BOLT.length !== 3 || BOLT.some((p) => !(p > 0))) throw new Error('SCALE_BOLT_PORTS takes three ports');

await assertPortsFree([
  ...BOLT,
  PORTS.proxy,
  PORTS.control,
  ...PORTS.api,
  ...PORTS.syncHealth,
  ...PORTS.workerHealth,
  PORTS.replay,
  PORTS.replay + 1,
  PORTS.replay + 2,
]);

const databaseUrl = (() => {
  const url = new URL(process.env.DATABASE_URL || localDatabaseUrl());
  url.pathname = `/${process.env.SCALE_DATABASE ?? 'songnodes_bench_scale'}`;
  return url.toString();
})();
const neo4jAuth = {
  user: process.env.NEO4J_USER || LOCAL_STACK.neo4j.user,
  password: process.env.NEO4J_PASSWORD || LOCAL_STACK.neo4j.password,
};
process.env.NEO4J_PASSWORD = neo4jAuth.password;
const log = (message) => process.stderr.write(`[scale] ${new Date().toISOString().slice(11, 19)} ${message}\n`);
const seconds = (ms) => Number((ms / 1000).toFixed(2));
const image = IMAGE ? imageInfo(IMAGE) : null;
const podmanArgs = IMAGE ? runtimeArgs(ROOT) : [];
const sup = createSupervisor({ root: ROOT });
const result = {
  benchmark: 'scale',
  date: new Date().toISOString(),
  machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB (this workplace), shared by every process below and the load generator`,
  mode: IMAGE ? 'image' : 'tree',
  processes: IMAGE
    ? `containers of the image (podman run --rm --network host --user 10001:10001 ${IMAGE} api | sync --watch | worker …); Neo4j, the replay server and the proxy from the tree`
    : 'from the built tree (node server/dist/main.js, server/dist/sync/main.js --watch, crawler/dist/main.js worker), not the image',
  ...(image ? { image } : {}),
};
/**
 * One SongNodes process: `node <tree file> args` in tree mode, a container of the image running `command args` in
 * image mode. `env` is what the process needs; tree mode passes it on top of the bench's environment (as before),
 * image mode passes only it (plus NEO4J_USER when set).
 */
function startProcess(name, command, args, env) {
  if (!IMAGE) return sup.start(name, [...TREE_COMMANDS[command], ...args], { env });
  return sup.startContainer(name, {
    image: IMAGE,
    command,
    args,
    env: { NEO4J_USER: process.env.NEO4J_USER, ...env },
    runtimeArgs: podmanArgs,
  });
}

// ---------------------------------------------------------------- the gold instances and their syncs
log(`database ${new URL(databaseUrl).pathname.slice(1)}, Neo4j on ${BOLT.join(', ')}, temporary directory ${sup.dir}`);
if (image)
  log(`image mode: ${image.ref} (${image.id.slice(0, 12)}, ${image.sizeMB} MB, built from ${image.commit ?? 'an unknown commit'})`);
const gold = ['gold-0', 'gold-1', 'gold-2'].map((name, i) => ({
  name,
  bolt: BOLT[i],
  uri: `bolt://127.0.0.1:${BOLT[i]}`,
  health: PORTS.syncHealth[i],
}));
let started = performance.now();
await Promise.all([recreateDatabase(databaseUrl), ...gold.map((g) => sup.startNeo4j(g.name, g.bolt))]);
log(`PostgreSQL database and 3 Neo4j up in ${seconds(performance.now() - started)} s`);
for (const g of gold) await migrateNeo4j({ uri: g.uri, ...neo4jAuth });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const drivers = gold.map((g) => createNeo4jDriver({ uri: g.uri, ...neo4jAuth, maxConnectionPoolSize: 4 }));
const baseEnv = { DATABASE_URL: databaseUrl, NEO4J_PASSWORD: neo4jAuth.password, LOG_LEVEL: 'warn', NODE_ENV: 'production' };

const syncs = [];
function startSync(i) {
  const g = gold[i];
  syncs[i] = startProcess(`sync-${g.name}`, 'sync', ['--watch'], {
    ...baseEnv,
    NEO4J_URI: g.uri,
    SYNC_INSTANCE_NAME: g.name,
    HEALTH_PORT: String(g.health),
    LOG_LEVEL: 'info',
  });
  return waitFor(`sync ${g.name} ready`, async () => (await get(`http://127.0.0.1:${g.health}/readyz`)).status === 200, {
    timeoutMs: 60_000,
  });
}
await Promise.all([startSync(0), startSync(1)]);

// ---------------------------------------------------------------- the API processes behind the proxy
const apis = [];
const apiUrl = (i) => `http://127.0.0.1:${PORTS.api[i]}`;
function startApi(i) {
  apis[i] = startProcess(`api-${i}`, 'api', [], {
    ...baseEnv,
    PORT: String(PORTS.api[i]),
    HOST: '127.0.0.1',
    NEO4J_URI: `${gold[0].uri},${gold[1].uri}`,
  });
  return waitFor(`api-${i} ready`, async () => (await get(`${apiUrl(i)}/readyz`)).status === 200, { timeoutMs: 60_000 });
}
await Promise.all([0, 1, 2].map(startApi));
const proxyChild = sup.start(
  'proxy',
  [
    'bench/scale/proxy.mjs',
    '--port',
    String(PORTS.proxy),
    '--control-port',
    String(PORTS.control),
    '--backends',
    [0, 1, 2].map(apiUrl).join(','),
  ],
  { pipeStdout: true },
);
const proxy = JSON.parse(await sup.firstLine(proxyChild));
const proxyStats = async () => JSON.parse((await get(`${proxy.control}/stats`)).text).stats;
const setBackends = (list) =>
  fetch(`${proxy.control}/backends`, { method: 'PUT', body: JSON.stringify(list.map(apiUrl)) }).then((r) => r.json());
const resetStats = () => fetch(`${proxy.control}/reset`, { method: 'POST' }).then((r) => r.json());
log(`3 syncs ready, 3 APIs ready, proxy on ${proxy.url}`);

// One graphql-ws subscriber per API process, through the proxy: round robin gives each its own backend.
const subscribers = [];
for (let k = 0; k < 3; k += 1) {
  const events = [];
  const client = createClient({
    url: `${proxy.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
  });
  await new Promise((resolve, reject) => {
    client.on('connected', resolve);
    client.on('error', reject);
  });
  client.subscribe(
    { query: 'subscription { graphChanged { trackIds at } }' },
    { next: (v) => events.push(v), error: (e) => events.push({ error: String(e?.message ?? e) }), complete: () => undefined },
  );
  subscribers.push({ client, events });
}
const upgrades = Object.fromEntries(Object.entries(await proxyStats()).map(([url, s]) => [url, s.upgrades]));
if (Object.keys(upgrades).length !== 3 || Object.values(upgrades).some((n) => n !== 1))
  throw new Error(`subscribers did not land one per API process: ${JSON.stringify(upgrades)}`);

// ---------------------------------------------------------------- the crawl: 3 workers, the replay server
const replayChild = sup.start('replay', ['crawler/dist/main.js', 'replay', '--sample', '--port-base', String(PORTS.replay)], {
  pipeStdout: true,
  env: baseEnv,
});
const mixesdbUrl = (await sup.firstLine(replayChild)).replace(/^MIXESDB_BASE_URL=/, '');
let targetCount = 0;
for (const mix of replay.loadMixesdbCsvMixes()) {
  // as `crawl sample` does: each mix's first identified row is a target
  const first = mix.rows.find((r) => r.artist && r.title && !r.title.startsWith('?'));
  const title = first?.title.replace(/\s*\[[^\]]*\]?\s*$/, '');
  if (first && title && (await addTarget(pool, first.artist, title, ['mixesdb'])).length > 0) targetCount += 1;
}
log(`${targetCount} targets; starting 3 crawl workers`);
started = performance.now();
const workers = [0, 1, 2].map((i) =>
  startProcess(`worker-${i}`, 'worker', ['--source', 'mixesdb', '--interval-minutes', '60'], {
    ...baseEnv,
    MIXESDB_BASE_URL: mixesdbUrl,
    MIXESDB_DELAY_SECONDS: '0',
    CRAWLER_BACKOFF_BASE_SECONDS: '0',
    CRAWLER_SETLISTS_PER_TARGET: '50',
    // a container's own /tmp (the image's user cannot write the bench's temporary directory)
    CRAWLER_STORAGE_DIR: IMAGE ? `/tmp/crawlee-${i}` : join(sup.dir, `crawlee-${i}`),
    CRAWLER_WORKER_ID: `worker-${i}`,
    HEALTH_PORT: String(PORTS.workerHealth[i]),
  }),
);
await waitFor(
  'every target searched and every worker run finished',
  async () => {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*)::int FROM ops.target_track_searches WHERE source = 'mixesdb' AND last_searched_at IS NULL) AS pending,
              (SELECT count(*)::int FROM ops.crawl_runs WHERE status = 'running') AS running,
              (SELECT count(*)::int FROM ops.crawl_runs) AS runs`,
    );
    return rows[0].pending === 0 && rows[0].running === 0 && rows[0].runs >= 3;
  },
  { timeoutMs: 600_000, everyMs: 500 },
);
const crawlSeconds = seconds(performance.now() - started);
const targets = (await pool.query(`SELECT status, attempts FROM ops.target_track_searches WHERE source = 'mixesdb'`)).rows;
const runs = (
  await pool.query(`SELECT worker, coalesce((summary->'sources'->'mixesdb'->>'targets')::int, 0) AS targets FROM ops.crawl_runs`)
).rows;
const silver = (
  await pool.query(
    `SELECT (SELECT count(*)::int FROM silver.setlists) AS setlists, (SELECT count(*)::int FROM silver.transitions WHERE weight > 0) AS transitions`,
  )
).rows[0];
result.crawl = {
  workers: 3,
  seconds: crawlSeconds,
  loadAverage: loadavg().map((x) => Number(x.toFixed(1))),
  ...exactlyOnce(targets, runs),
  silverSetlists: silver.setlists,
  silverTransitions: silver.transitions,
};
log(`crawl: ${JSON.stringify(result.crawl)}`);
await Promise.all(workers.map((w) => sup.stop(w)));
await sup.stop(replayChild);

// ---------------------------------------------------------------- convergence and graphChanged
started = performance.now();
const checks = await waitFor(
  'both gold instances equal to silver',
  async () => {
    const both = await Promise.all([0, 1].map((i) => checkGold({ pg: pool, neo4j: drivers[i] })));
    return both.every((c) => c.equal) && both;
  },
  { timeoutMs: 180_000, everyMs: 500 },
);
result.convergence = {
  secondsAfterCrawl: seconds(performance.now() - started),
  silver: checks[0].silver,
  instances: Object.fromEntries([0, 1].map((i) => [gold[i].name, { equal: checks[i].equal, differences: checks[i].differences }])),
};
log(`both gold instances equal silver (${result.convergence.secondsAfterCrawl} s after the crawl ended)`);
// each subscriber gets one event per gold instance per batch: wait a moment for the last ones
await new Promise((resolve) => setTimeout(resolve, 1000));
result.graphChanged = {
  subscribersThroughProxy: 3,
  upgradesPerApiProcess: upgrades,
  eventsPerSubscriber: subscribers.map((s) => s.events.filter((e) => e.data?.graphChanged).length),
  errors: subscribers.flatMap((s) => s.events.filter((e) => !e.data?.graphChanged)).length,
};
result.graphChanged.everyApiProcessDelivered =
  result.graphChanged.eventsPerSubscriber.every((n) => n > 0) && result.graphChanged.errors === 0;
log(`graphChanged: ${JSON.stringify(result.graphChanged)}`);
for (const s of subscribers) await s.client.dispose();

// ---------------------------------------------------------------- read throughput by API processes
const sample = await drivers[0].executeQuery(
  `MATCH (t:Track) WITH t, COUNT { (t)-[:TRANSITION]-() } AS degree WHERE degree >= 2 RETURN t.id AS id ORDER BY degree DESC, t.id LIMIT 300`,
);
const ids = sample.records.map((r) => String(r.get('id')));
if (ids.length < 20) throw new Error(`the crawled graph is too small for the read load (${ids.length} tracks with 2+ edges)`);
let turn = 0;
const query =
  'query($id: ID!) { neighbourhood(trackId: $id, depth: 1, limit: 50) { truncated nodes { id title artistCredit plays } edges { weight djs from { id } to { id } } } }';
const body = () => JSON.stringify({ query, variables: { id: ids[turn++ % ids.length] } });
const load = (options) => runLoad({ url: `${proxy.url}/graphql`, connections: CONNECTIONS, body, ...options });

// Rounds interleave the cells (1, 2, 3, 1, 2, 3, …) so a change in the machine's other load spreads over all of them;
// a cell's numbers pool its rounds.
result.throughput = {
  question: 'neighbourhood(depth 1, limit 50) of the 300 best-connected tracks, round robin',
  connections: CONNECTIONS,
  secondsPerRound: SECONDS,
  rounds: ROUNDS,
  loadAverageBefore: loadavg().map((x) => Number(x.toFixed(1))),
  cells: [],
};
const pooled = { 1: [], 2: [], 3: [] };
const pooledSeconds = { 1: 0, 2: 0, 3: 0 };
for (let round = 0; round < ROUNDS; round += 1) {
  for (const n of [1, 2, 3]) {
    await setBackends([0, 1, 2].slice(0, n));
    await load({ seconds: 2 }); // warm-up
    const run = await load({ seconds: SECONDS });
    pooled[n].push(...run.records);
    pooledSeconds[n] += run.seconds;
    const s = summariseLoad(run.records, { seconds: run.seconds });
    log(
      `round ${round + 1}, ${n} API process(es): ${s.rps} req/s, p50 ${s.p50} ms, p95 ${s.p95} ms, failed ${s.failed}, load ${loadavg()[0].toFixed(1)}`,
    );
  }
}
for (const n of [1, 2, 3]) {
  const { errors, ...cell } = summariseLoad(pooled[n], { seconds: pooledSeconds[n] });
  result.throughput.cells.push({ apiProcesses: n, ...cell, errors });
}
result.throughput.loadAverageAfter = loadavg().map((x) => Number(x.toFixed(1)));

// ---------------------------------------------------------------- killing one API process under load
const KILL_SECONDS = Math.max(8, SECONDS);
await setBackends([0, 1, 2]);
await resetStats();
// The proxy kills api-1 itself, so it knows exactly which requests api-1 held at that instant.
sup.pidOf('api-1'); // in image mode: the container's pid, looked up now rather than under load
const killApi = async () => {
  const pid = sup.pidOf('api-1', { forget: true });
  const answer = await fetch(`${proxy.control}/kill`, { method: 'POST', body: JSON.stringify({ backend: apiUrl(1), pid }) });
  if (!answer.ok) throw new Error(`the proxy could not kill api-1: ${answer.status}`);
};
let run = await load({ seconds: KILL_SECONDS, during: { atMs: (KILL_SECONDS * 1000) / 3, action: killApi } });
const killed = (await proxyStats())[apiUrl(1)];
result.killApi = {
  killed: IMAGE ? "api-1's container (SIGKILL of its init, by the proxy)" : 'api-1 (SIGKILL, by the proxy)',
  inflightAtKill: killed.inflightAtKill,
  lostSentBeforeKill: killed.lostSentBeforeKill,
  lostSentAfterKill: killed.lostSentAfterKill,
  ...summariseLoad(run.records, { seconds: run.seconds, event: run.eventAt }),
  proxy: await proxyStats(),
};
log(
  `kill api-1: ${result.killApi.failed} failed of ${result.killApi.total} (${killed.inflightAtKill} in flight at the kill, ${killed.lostSentBeforeKill} of them lost; ${killed.lostSentAfterKill} sent to it before the proxy noticed); ${JSON.stringify(result.killApi.event)}`,
);

// ---------------------------------------------------------------- killing one gold instance under load
await startApi(1);
await setBackends([0, 1, 2]);
await resetStats();
run = await load({ seconds: KILL_SECONDS, during: { atMs: (KILL_SECONDS * 1000) / 3, action: () => sup.kill('gold-0') } });
result.killGold = {
  killed: 'gold-0 Neo4j (SIGKILL); its sync keeps running and failing',
  ...summariseLoad(run.records, { seconds: run.seconds, event: run.eventAt }),
  proxy: await proxyStats(),
};
log(`kill gold-0: ${result.killGold.failed} failed of ${result.killGold.total}; ${JSON.stringify(result.killGold.event)}`);

// ---------------------------------------------------------------- a new gold instance catches up from empty
const emptyBefore = await drivers[2].executeQuery('MATCH (n) RETURN count(n) AS n');
started = performance.now();
await startSync(2);
const caughtUp = await waitFor(
  'gold-2 equal to silver',
  async () => {
    const c = await checkGold({ pg: pool, neo4j: drivers[2] });
    return c.equal && c;
  },
  { timeoutMs: 300_000, everyMs: 250 },
);
result.newGold = {
  instance: 'gold-2',
  nodesBefore: Number(emptyBefore.records[0].get('n')),
  secondsToEqualSilver: seconds(performance.now() - started),
  tracks: caughtUp.gold.tracks,
  transitions: caughtUp.gold.transitions,
  note: 'from starting its sync daemon (Neo4j already up, schema applied) to checkGold equal',
};
log(`gold-2 caught up from empty in ${result.newGold.secondsToEqualSilver} s`);

// ---------------------------------------------------------------- report
const lostByProxy = Object.values(result.killApi.proxy).reduce((sum, b) => sum + b.lost, 0);
result.checks = {
  everyTargetCrawledOnce: result.crawl.exactlyOnce,
  bothGoldEqualSilver: Object.values(result.convergence.instances).every((c) => c.equal),
  everyApiProcessDeliversGraphChanged: result.graphChanged.everyApiProcessDelivered,
  // every failed request was one the killed process had taken (the proxy's "lost"), and reads went on
  apiKillCostOnlyInFlight:
    result.killApi.failed === lostByProxy &&
    result.killApi.lostSentBeforeKill <= result.killApi.inflightAtKill &&
    result.killApi.event.okInLastQuarter > 0,
  goldKillCostOnlyInFlight: result.killGold.failed <= CONNECTIONS && result.killGold.event.okInLastQuarter > 0,
  newGoldCaughtUp: result.newGold.nodesBefore === 0 && result.newGold.tracks === result.convergence.silver.tracks,
};
await pool.end();
await Promise.all(drivers.map((d) => d.close().catch(() => undefined)));
const resultFile = IMAGE ? 'bench/results/scale-image.json' : 'bench/results/scale.json';
writeFileSync(join(ROOT, resultFile), `${JSON.stringify(result, null, 2)}\n`);
const t = result.throughput.cells;
process.stdout.write(
  `${[
    '| what | result |',
    '|---|---|',
    ...(image
      ? [`| processes: containers of ${image.ref} | image ${image.id.slice(0, 12)}, ${image.sizeMB} MB, built from ${image.commit} |`]
      : []),
    `| crawl: ${result.crawl.targets} targets, 3 workers | ${result.crawl.searches} searches, ${result.crawl.searchedMoreThanOnce} searched twice, ${result.crawl.neverSearched} never; per worker ${Object.values(result.crawl.claimedByWorkers).join(' / ')}; ${result.crawl.seconds} s |`,
    `| both gold instances = silver's checksum | ${Object.values(result.convergence.instances).every((c) => c.equal) ? 'yes' : 'NO'} (${result.convergence.silver.tracks} tracks, ${result.convergence.silver.transitions} transitions), ${result.convergence.secondsAfterCrawl} s after the crawl |`,
    `| graphChanged through the proxy, one subscriber per API process | events ${result.graphChanged.eventsPerSubscriber.join(' / ')} |`,
    ...t.map(
      (c) =>
        `| reads, ${c.apiProcesses} API process(es), ${CONNECTIONS} connections | ${c.rps} req/s, p50 ${c.p50} ms, p95 ${c.p95} ms, ${c.failed} failed |`,
    ),
    `| kill 1 of 3 API processes under load | ${result.killApi.failed} failed of ${result.killApi.total}: ${result.killApi.lostSentBeforeKill} of the ${result.killApi.inflightAtKill} it held, ${result.killApi.lostSentAfterKill} sent to it in the ${result.killApi.event.lastFailureAfter} s before the proxy noticed; ${result.killApi.event.okAfter} ok after the kill |`,
    `| kill 1 of 2 gold instances under load | ${result.killGold.failed} failed of ${result.killGold.total}${result.killGold.failed ? ` (${result.killGold.event.failures.map((f) => `${f.error}, sent ${f.sent} s after the kill, ended ${f.ended} s`).join('; ')})` : ''}; ${result.killGold.event.okAfter} ok after the kill |`,
    `| a third gold instance from empty | equal to silver after ${result.newGold.secondsToEqualSilver} s |`,
  ].join('\n')}\n`,
);
const failedChecks = Object.entries(result.checks)
  .filter(([, ok]) => !ok)
  .map(([name]) => name);
if (failedChecks.length) log(`FAILED: ${failedChecks.join(', ')}`);
sup.done();
process.exit(failedChecks.length ? 1 : 0);
