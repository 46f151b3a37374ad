// Fresh PostgreSQL databases for tests and benchmarks. Jest's global setup gives each workspace's integration tests
// their own database (<DATABASE_URL's database>_<suffix>), so suites of different workspaces never see each other's
// rows; benchmarks re-create theirs. Neo4j has one database in Community edition: tests there own their data by
// unique ids and clean up.
import pg from 'pg';
import { LOCAL_STACK, useTestStackDefaults } from './local-stack.mjs';
import { migrateNeo4j, migratePostgres } from './migrate.mjs';

export { useTestStackDefaults };

/** Drops and re-creates the database named in `databaseUrl`, then applies sql/migrations. */
export async function recreateDatabase(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`refusing to re-create database "${name}": use letters, digits and _`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  await migratePostgres(databaseUrl);
}

/** Re-creates and migrates the workspace's test database; sets process.env.DATABASE_URL to it. */
export async function prepareTestDatabase(suffix, { neo4j = false } = {}) {
  useTestStackDefaults();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${`${url.pathname.slice(1)}_${suffix}`.replace(/[^a-z0-9_]/gi, '_')}`;
  process.env.DATABASE_URL = url.toString();
  await recreateDatabase(process.env.DATABASE_URL);
  if (neo4j) {
    await migrateNeo4j({
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER || LOCAL_STACK.neo4j.user,
      password: process.env.NEO4J_PASSWORD,
    });
  }
}
