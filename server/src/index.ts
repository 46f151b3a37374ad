/**
 * The server workspace's one public entry (package.json `exports`): what scripts, benchmarks and the client's
 * browser tests may use. The processes themselves are `main.js` (the API) and `sync/main.js` (the sync).
 */
export { buildApp, type App, type AppOptions } from './app';
export { loadServerConfig, type ServerConfig } from './config';
export { createLogger, type Logger } from './logger';
export { createPostgresPool } from './db/postgres';
export { createNeo4jDriver } from './db/neo4j';
export { readCypher } from './db/run-cypher';
export { neighbourhoodStatement } from './schema/graph/data';
export * from './sync';
