import { envSchemas, readConfig, type ConfigOf } from '@songnodes/contracts';

/** Every setting the server and the sync read, with its environment variable and default (README, "Configuration"). */
export const serverConfigFields = {
  databaseUrl: {
    env: 'DATABASE_URL',
    default: 'postgres://songnodes:songnodes@127.0.0.1:54329/songnodes',
    schema: envSchemas.url(['postgres', 'postgresql']),
    description: 'PostgreSQL connection URL (bronze, silver, ops)',
  },
  neo4jUri: {
    env: 'NEO4J_URI',
    default: 'bolt://127.0.0.1:7688',
    schema: envSchemas.url(['bolt', 'neo4j', 'bolt+s', 'neo4j+s', 'bolt+ssc', 'neo4j+ssc']),
    description: 'Neo4j Bolt URI (gold graph)',
  },
  neo4jUser: { env: 'NEO4J_USER', default: 'neo4j', schema: envSchemas.string(), description: 'Neo4j user' },
  neo4jPassword: {
    env: 'NEO4J_PASSWORD',
    default: 'songnodes-dev',
    schema: envSchemas.string(),
    description: 'Neo4j password',
    secret: true,
  },
  port: { env: 'PORT', default: '4000', schema: envSchemas.integer(0, 65535), description: 'HTTP port of the API' },
  host: {
    env: 'HOST',
    default: '127.0.0.1',
    schema: envSchemas.string(),
    description: 'address the API listens on: loopback only by default; 0.0.0.0 (all interfaces) in a container',
  },
  adminToken: {
    env: 'SONGNODES_ADMIN_TOKEN',
    default: '',
    schema: envSchemas.text(),
    description: 'Bearer token for mutations; empty disables mutations',
    secret: true,
  },
  logLevel: {
    env: 'LOG_LEVEL',
    default: 'info',
    schema: envSchemas.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    description: 'pino log level',
  },
  nodeEnv: {
    env: 'NODE_ENV',
    default: 'development',
    schema: envSchemas.oneOf(['development', 'production', 'test']),
    description: 'production masks unexpected errors and hides the IDE',
  },
  syncBatchSize: {
    env: 'SYNC_BATCH_SIZE',
    default: '5000',
    schema: envSchemas.integer(1, 1_000_000),
    description: 'sync: silver rows per Neo4j transaction (one UNWIND batch, one NOTIFY graph_changed)',
  },
  syncFullWriters: {
    env: 'SYNC_FULL_WRITERS',
    default: '2',
    schema: envSchemas.integer(1, 16),
    description: 'sync --full: concurrent Neo4j transactions within a phase (nodes, then relationships); one core each',
  },
  syncIntervalSeconds: {
    env: 'SYNC_INTERVAL_SECONDS',
    default: '30',
    schema: envSchemas.seconds(),
    description: 'sync --watch: run at least this often, even when no NOTIFY silver_changed arrived',
  },
  syncDebounceMs: {
    env: 'SYNC_DEBOUNCE_MS',
    default: '100',
    schema: envSchemas.integer(0, 60_000),
    description: 'sync --watch: wait this long after a NOTIFY silver_changed, so a burst of setlists is one run',
  },
} as const;

export type ServerConfig = ConfigOf<typeof serverConfigFields>;

/** Reads the server's configuration once; throws a ConfigError naming each wrong variable. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return readConfig(serverConfigFields, env);
}
