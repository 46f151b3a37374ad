#!/usr/bin/env node
// Applies the database contracts: sql/migrations (forward-only, node-pg-migrate) and cypher/schema
// (idempotent CREATE ... IF NOT EXISTS). `npm run migrate [-- --only sql|cypher]`. Safe to run again: a second run
// applies nothing and reports so.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runner } from 'node-pg-migrate';
import neo4j from 'neo4j-driver';
import { LOCAL_STACK, localDatabaseUrl, localNeo4jUri } from './local-stack.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The stack's defaults (scripts/stack.sh); the apps' config modules use the same ones. */
const config = {
  databaseUrl: process.env.DATABASE_URL || localDatabaseUrl(),
  neo4jUri: process.env.NEO4J_URI || localNeo4jUri('dev'),
  neo4jUser: process.env.NEO4J_USER || LOCAL_STACK.neo4j.user,
  neo4jPassword: process.env.NEO4J_PASSWORD || LOCAL_STACK.neo4j.password,
};

const log = (message) => process.stderr.write(`[migrate] ${message}\n`);

export async function migratePostgres(databaseUrl = config.databaseUrl) {
  const applied = await runner({
    databaseUrl,
    dir: join(ROOT, 'sql/migrations'),
    direction: 'up',
    migrationsSchema: 'ops',
    createMigrationsSchema: true,
    migrationsTable: 'schema_migrations',
    checkOrder: true,
    verbose: false,
    log: () => {},
  });
  log(applied.length ? `postgres: applied ${applied.map((m) => m.name).join(', ')}` : 'postgres: up to date');
  return applied.map((m) => m.name);
}

/** Splits a .cypher file into statements: `;` ends a statement, `//` comment lines are dropped. */
export function splitCypher(text) {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

async function schemaFingerprint(session) {
  const constraints = await session.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
  const indexes = await session.run('SHOW INDEXES YIELD name RETURN collect(name) AS names');
  return [...constraints.records[0].get('names'), ...indexes.records[0].get('names')].sort();
}

export async function migrateNeo4j(
  { uri, user, password } = { uri: config.neo4jUri, user: config.neo4jUser, password: config.neo4jPassword },
) {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
  try {
    await waitForNeo4j(driver, uri);
    const session = driver.session();
    try {
      const before = await schemaFingerprint(session);
      const dir = join(ROOT, 'cypher/schema');
      for (const file of (await readdir(dir)).filter((f) => f.endsWith('.cypher')).sort()) {
        for (const statement of splitCypher(await readFile(join(dir, file), 'utf8'))) await session.run(statement);
      }
      await session.run('CALL db.awaitIndexes(300)');
      const added = [...new Set(await schemaFingerprint(session))].filter((name) => !before.includes(name));
      log(added.length ? `neo4j: created ${added.join(', ')}` : 'neo4j: up to date');
      return added;
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
}

async function waitForNeo4j(driver, uri) {
  for (let attempt = 1; ; attempt++) {
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      if (error?.code === 'Neo.ClientError.Security.Unauthorized' || attempt >= 60) {
        throw new Error(`Neo4j at ${uri} is not usable: ${error?.message ?? error}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  if (values.only && !['sql', 'cypher'].includes(values.only)) throw new Error('--only takes sql or cypher');
  if (values.only !== 'cypher') await migratePostgres();
  if (values.only !== 'sql') await migrateNeo4j();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    log(`failed: ${error?.message ?? error}`);
    process.exit(1);
  });
}
