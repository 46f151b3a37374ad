/**
 * The one home of the local stack's defaults (`scripts/stack.sh`): where PostgreSQL and Neo4j listen and with which
 * credentials. The apps' config modules, the scripts and the benchmarks all read `local-stack.json` (plain JSON so
 * shell and .mjs scripts read it without a build) instead of writing the URLs out again.
 */
import stack from './local-stack.json';

export const LOCAL_STACK = stack;

/** `postgres://songnodes:songnodes@127.0.0.1:54329/<database>` */
export function localDatabaseUrl(database: string = stack.postgres.database): string {
  const { user, password, host, port } = stack.postgres;
  return `postgres://${user}:${password}@${host}:${port}/${database}`;
}

/** The Bolt URI of the local dev (7688) or test (7689) Neo4j. */
export function localNeo4jUri(instance: keyof typeof stack.neo4j.boltPort = 'dev'): string {
  return `bolt://${stack.postgres.host}:${stack.neo4j.boltPort[instance]}`;
}
