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
} as const;

export type ServerConfig = ConfigOf<typeof serverConfigFields>;

/** Reads the server's configuration once; throws a ConfigError naming each wrong variable. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return readConfig(serverConfigFields, env);
}
