// The local stack as a newcomer uses it: up twice reuses the running servers; down then up keeps the data.
// Runs a throw-away stack (its own folder and ports) so it never touches the dev or test instances.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import pg from 'pg';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'songnodes-stack-'));
chmodSync(dir, 0o755); // the postgres system user must reach its data folder
const PG_PORT = 54339;
const BOLT_PORT = 7699;
const { DATABASE_URL, NEO4J_URI, ...inherited } = process.env;
const env = {
  ...inherited,
  SONGNODES_STACK: 'stacktest',
  SONGNODES_STACK_DIR: dir,
  SONGNODES_PG_PORT: String(PG_PORT),
  SONGNODES_NEO4J_PORT: String(BOLT_PORT),
  SONGNODES_NEO4J_CACHE: join(ROOT, '.stack', 'cache', 'neo4j-5.26.30'),
  NEO4J_HEAP: '512m',
  NEO4J_PAGECACHE: '128m',
};

function stack(command) {
  const result = spawnSync('bash', [join(ROOT, 'scripts', 'stack.sh'), command], { env, encoding: 'utf8', timeout: 300_000 });
  assert.equal(result.status, 0, `stack ${command} failed:\n${result.stderr}`);
  return result.stderr + result.stdout;
}

const pgUrl = `postgres://songnodes:songnodes@127.0.0.1:${PG_PORT}/songnodes`;
async function withPg(fn) {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
async function withNeo4j(fn) {
  const driver = neo4j.driver(`bolt://127.0.0.1:${BOLT_PORT}`, neo4j.auth.basic('neo4j', 'songnodes-dev'));
  try {
    return await fn(driver);
  } finally {
    await driver.close();
  }
}

after(() => {
  spawnSync('bash', [join(ROOT, 'scripts', 'stack.sh'), 'down'], { env });
  rmSync(dir, { recursive: true, force: true });
});

test('stack:up starts both servers, and a second stack:up reuses them', () => {
  const first = stack('up');
  assert.match(first, /PostgreSQL: starting on 127\.0\.0\.1:54339/);
  assert.match(first, /Neo4j \(stacktest\): up after/);
  const second = stack('up');
  assert.match(second, /PostgreSQL: reusing the running cluster/);
  assert.match(second, /Neo4j \(stacktest\): reusing the running server/);
  assert.match(stack('status'), /postgres: up[\s\S]*neo4j \(stacktest\): up/);
});

test('stack:down then stack:up keeps the data of both servers', async () => {
  await withPg((c) => c.query("CREATE TABLE kept AS SELECT 'still here'::text AS note"));
  await withNeo4j((d) => d.executeQuery("CREATE (:Kept {note: 'still here'})"));
  const down = stack('down');
  assert.match(down, /Neo4j \(stacktest\): stopped/);
  assert.match(down, /PostgreSQL: stopped/);
  assert.match(stack('status'), /postgres: down[\s\S]*neo4j \(stacktest\): down/);
  stack('up');
  const pgNote = await withPg((c) => c.query('SELECT note FROM kept'));
  assert.equal(pgNote.rows[0].note, 'still here');
  const graphNote = await withNeo4j((d) => d.executeQuery('MATCH (k:Kept) RETURN k.note AS note'));
  assert.equal(graphNote.records[0].get('note'), 'still here');
});
