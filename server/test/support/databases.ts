import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import { loadServerConfig, type ServerConfig } from '../../src/config';
import { createNeo4jDriver } from '../../src/db/neo4j';
import { createPostgresPool } from '../../src/db/postgres';

/** The real test databases (test/global-setup.mjs prepared them), for one test file. */
export interface TestDatabases {
  config: ServerConfig;
  pg: Pool;
  neo4j: Driver;
  close(): Promise<void>;
}

export function connectTestDatabases(): TestDatabases {
  const config = loadServerConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', PORT: '0' });
  const pg = createPostgresPool({ connectionString: config.databaseUrl, max: 4 });
  const neo4j = createNeo4jDriver({ uri: config.neo4jUri, user: config.neo4jUser, password: config.neo4jPassword });
  return { config, pg, neo4j, close: async () => void (await Promise.all([pg.end(), neo4j.close()])) };
}

/** A prefix unique to one test, for keys and labels that must not collide with other tests' data. */
export function uniquePrefix(): string {
  return `t${randomUUID().slice(0, 8)}`;
}
