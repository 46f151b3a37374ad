#!/usr/bin/env node
// One target of bench/api in a process of its own, as it would be deployed: the load generator (autocannon, in
// run.mjs) must not share an event loop with the server it measures. Prints one JSON line {"url": ...} on stdout
// once listening; exits on SIGTERM.
//
//   NODE_ENV=production node bench/api/serve.mjs songnodes | peer | floor
//
// run.mjs starts every target with NODE_ENV=production, as servers are deployed: graphql-js reads it when it loads
// (its development build inspects every failed type check) and so does the SongNodes config (errors masked).
//
// floor: the same Cypher the API runs, through the same driver call (the server's readCypher), behind a bare
// node:http handler (no GraphQL, no framework): what any HTTP API over this Cypher costs at least.
// POST {"scenario": "...", "id": N | "q": "..."}.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { startPeer } from './peer.mjs';

const require = createRequire(import.meta.url);
const { buildApp, loadServerConfig, readCypher, neighbourhoodStatement } = require('@songnodes/server');
const config = loadServerConfig({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production' });

/**
 * The floor's question: the statement the API runs for `scenario`, with the parameters the API would pass, read
 * through the API's own driver call. bench/api/run.mjs runs it in-process too (the "driver" column).
 */
export function floorQuery(driver, scenario, input) {
  if (scenario === 'search') return readCypher(driver, 'api/search-tracks', { query: `+${input.q}*`, skip: 0, limit: 11 });
  const depth = scenario === 'neighbourhood2' ? 2 : 1;
  return readCypher(driver, neighbourhoodStatement(depth), { trackId: input.id, depth, minWeight: 1, limit: 50, direction: 'BOTH' });
}

async function startFloor(driver) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      try {
        const input = JSON.parse(body);
        const rows = await floorQuery(driver, input.scenario, input);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function startSongNodes() {
  // The gate as deployed (every default limit, the cost model, the rate limiter counting), with a budget no single
  // client of this benchmark can exhaust: it measures throughput, not the guards' refusals.
  const app = await buildApp(config, { clientDir: null, rateLimit: { perSecond: 1e9, burst: 1e9 } });
  return { url: `${await app.listen(0, '127.0.0.1')}/graphql`, close: () => app.close() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  const driver = neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), { disableLosslessIntegers: true });
  const started =
    target === 'songnodes'
      ? await startSongNodes()
      : target === 'peer'
        ? await startPeer(driver, 0)
        : target === 'floor'
          ? await startFloor(driver)
          : null;
  if (!started) throw new Error(`unknown target "${target}": songnodes | peer | floor`);
  process.stdout.write(`${JSON.stringify({ url: started.url })}\n`);
  // CPU the target spent (user + system, ms) since it started listening: run.mjs asks for it around each cell.
  let cpuBase = process.cpuUsage();
  process.on('SIGUSR2', () => {
    const { user, system } = process.cpuUsage(cpuBase);
    process.stdout.write(`${JSON.stringify({ cpuMs: Math.round((user + system) / 1000) })}\n`);
    cpuBase = process.cpuUsage();
  });
  process.once('SIGTERM', async () => {
    await started.close();
    await driver.close();
    process.exit(0);
  });
}
