// The local stack's defaults for scripts and benchmarks: read from contracts/src/local-stack.json, their one home
// (the apps' config modules read the same file through @songnodes/contracts). Plain JSON, so no build is needed.
import { readFileSync } from 'node:fs';

export const LOCAL_STACK = JSON.parse(readFileSync(new URL('../contracts/src/local-stack.json', import.meta.url), 'utf8'));

/** `postgres://songnodes:songnodes@127.0.0.1:54329/<database>` */
export function localDatabaseUrl(database = LOCAL_STACK.postgres.database) {
  const { user, password, host, port } = LOCAL_STACK.postgres;
  return `postgres://${user}:${password}@${host}:${port}/${database}`;
}

/** The Bolt URI of the local dev or test Neo4j. */
export function localNeo4jUri(instance = 'dev') {
  return `bolt://${LOCAL_STACK.postgres.host}:${LOCAL_STACK.neo4j.boltPort[instance]}`;
}

/**
 * Points DATABASE_URL / NEO4J_URI / NEO4J_URI_2 (the second gold instance) / NEO4J_PASSWORD at the test stack unless
 * they are set already.
 */
export function useTestStackDefaults(env = process.env) {
  env.DATABASE_URL ||= localDatabaseUrl(LOCAL_STACK.postgres.testDatabase);
  env.NEO4J_URI ||= localNeo4jUri('test');
  env.NEO4J_URI_2 ||= localNeo4jUri('test2');
  env.NEO4J_PASSWORD ||= LOCAL_STACK.neo4j.password;
}
