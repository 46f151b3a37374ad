#!/usr/bin/env node
// Where the API's CPU goes under load: runs one target of bench/api (serve.mjs) under `node --cpu-prof`, loads it
// with autocannon on one question, and sums the profile's self time by part (the gate, GraphQL parse / validate /
// execute, Apollo, the HTTP handler, the Neo4j driver, Node itself, GC).
//
//   node bench/api/profile.mjs [songnodes|floor] [neighbourhood1|neighbourhood2|search] [--seconds 10] [--connections 1]
//
// Needs a built server (npm run build -w server) and the synthetic graph (README, Benchmarks). Prints JSON.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { OURS } from './questions.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1' },
    top: { type: 'string', default: '15' },
  },
});
const [target = 'songnodes', scenario = 'neighbourhood1'] = positionals;

const driver = neo4j.driver(
  process.env.NEO4J_URI || 'bolt://127.0.0.1:7688',
  neo4j.auth.basic(process.env.NEO4J_USER || 'neo4j', process.env.NEO4J_PASSWORD || 'songnodes-dev'),
  {
    disableLosslessIntegers: true,
  },
);
const sample = await driver.executeQuery(
  `MATCH (t:Track) WITH t, COUNT { (t)-[:TRANSITION]-() } AS degree WHERE degree >= 4
   RETURN t.id AS id, t.title AS title ORDER BY t.plays DESC, t.id SKIP 200 LIMIT 300`,
);
await driver.close();
const ids = sample.records.map((r) => r.get('id'));
const words = [...new Set(sample.records.flatMap((r) => r.get('title').toLowerCase().split(/\s+/)).filter((w) => w.length >= 4))];
let turn = 0;
const body = () => {
  turn += 1;
  if (target === 'floor')
    return JSON.stringify(scenario === 'search' ? { scenario, q: words[turn % words.length] } : { scenario, id: ids[turn % ids.length] });
  const variables = scenario === 'search' ? { q: words[turn % words.length] } : { id: String(ids[turn % ids.length]) };
  return JSON.stringify({ query: OURS[scenario], variables });
};

const dir = mkdtempSync(join(tmpdir(), 'songnodes-cpu-prof-'));
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(ROOT, 'bench/api/serve.mjs'), target], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, NODE_ENV: 'production' },
});
const { url } = JSON.parse((await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next()).value);
const load = (duration) =>
  autocannon({
    url,
    connections: Number(values.connections),
    duration,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: body() }) }],
  });
await load(2);
// The profile's clock and process.hrtime are both the monotonic clock: only samples taken during the measured load
// count (start-up and warm-up do not).
const windowStart = Number(process.hrtime.bigint() / 1000n);
const result = await load(Number(values.seconds));
const windowEnd = Number(process.hrtime.bigint() / 1000n);
await new Promise((resolve) => {
  child.once('exit', resolve);
  child.kill('SIGTERM');
});

const profile = JSON.parse(
  readFileSync(
    join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.cpuprofile')),
    ),
    'utf8',
  ),
);
rmSync(dir, { recursive: true, force: true });

/** The part of the stack a function belongs to, by its file. */
function partOf({ url: file, functionName }) {
  if (!file) return functionName.startsWith('(') ? functionName : 'native';
  if (
    /server\/dist\/http\/(gate|gate-rules|query-cost|rate-limit)\.js/.test(file) ||
    /rate-limiter-flexible|graphql-query-complexity|graphql-armor/.test(file)
  )
    return 'gate';
  if (/server\/dist\/http\//.test(file)) return 'http handler, metrics, formatting (server/dist/http)';
  if (/server\/dist\/db\//.test(file)) return 'database calls (server/dist/db)';
  if (/server\/dist\/schema\//.test(file) || /server\/dist\/loaders/.test(file)) return 'resolvers (server/dist/schema)';
  if (/server\/dist\//.test(file)) return 'server (other)';
  if (/graphql\/language\//.test(file)) return 'graphql: parse';
  if (/graphql\/validation\//.test(file)) return 'graphql: validate';
  if (/graphql\/(execution|type|jsutils|utilities)\//.test(file)) return 'graphql: execute';
  if (/@apollo\//.test(file)) return 'apollo server';
  if (/neo4j-driver/.test(file)) return 'neo4j-driver';
  if (/prom-client/.test(file)) return 'metrics (prom-client)';
  if (/pino/.test(file)) return 'pino';
  if (/node_modules\/([^/]+)/.test(file)) return `npm: ${/node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)[1]}`;
  if (file.startsWith('node:')) return 'node internals';
  return 'other';
}

const interval = (profile.endTime - profile.startTime) / profile.samples.length / 1000; // ms per sample
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const byPart = new Map();
const byFunction = new Map();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i];
  if (at < windowStart || at > windowEnd) return;
  const frame = nodes.get(id).callFrame;
  const part = partOf(frame);
  byPart.set(part, (byPart.get(part) ?? 0) + interval);
  const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^.*server\/dist\//, 'server/')}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + interval);
});
const requests = result.requests.total;
const busy = [...byPart].filter(([part]) => part !== '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
process.stdout.write(
  `${JSON.stringify(
    {
      target,
      scenario,
      connections: Number(values.connections),
      requests,
      non2xx: result.non2xx,
      p50Ms: result.latency.p50,
      cpuMsPerRequest: Number((busy / requests).toFixed(3)),
      selfMsPerRequestByPart: Object.fromEntries(
        [...byPart]
          .filter(([part]) => part !== '(idle)')
          .sort((a, b) => b[1] - a[1])
          .map(([part, ms]) => [part, Number((ms / requests).toFixed(3))]),
      ),
      topFunctionsSelfMsPerRequest: Object.fromEntries(
        [...byFunction]
          .filter(([name]) => !name.startsWith('(idle)'))
          .sort((a, b) => b[1] - a[1])
          .slice(0, Number(values.top))
          .map(([name, ms]) => [name, Number((ms / requests).toFixed(3))]),
      ),
    },
    null,
    2,
  )}\n`,
);
