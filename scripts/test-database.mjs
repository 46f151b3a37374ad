// Jest global setup helper: each workspace's integration tests get their own fresh PostgreSQL database
// (<DATABASE_URL's database>_<suffix>, dropped and re-created, then migrated), so suites of different
// workspaces can run at the same time without seeing each other's rows. Neo4j has one database in Community
// edition: tests there own their data by unique ids and clean up.
import pg from 'pg';
import { migrateNeo4j, migratePostgres } from './migrate.mjs';

const DEFAULT_URL = 'postgres://songnodes:songnodes@127.0.0.1:54329/songnodes_test';

/** Re-creates and migrates the workspace's test database; sets process.env.DATABASE_URL to it. */
export async function prepareTestDatabase(suffix, { neo4j = false } = {}) {
  const base = new URL(process.env.DATABASE_URL || DEFAULT_URL);
  const name = `${base.pathname.slice(1)}_${suffix}`.replace(/[^a-z0-9_]/gi, '_');
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  await migratePostgres(process.env.DATABASE_URL);
  if (neo4j) {
    await migrateNeo4j({
      uri: process.env.NEO4J_URI || 'bolt://127.0.0.1:7689',
      user: process.env.NEO4J_USER || 'neo4j',
      password: process.env.NEO4J_PASSWORD || 'songnodes-dev',
    });
  }
}
