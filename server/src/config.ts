import { envSchemas, LOCAL_STACK, localDatabaseUrl, localNeo4jUri, readConfig, type ConfigOf } from '@songnodes/contracts';
import { z } from 'zod';
import { isTrustProxyList } from './http/client-address';

const BOLT_PROTOCOLS = ['bolt', 'neo4j', 'bolt+s', 'neo4j+s', 'bolt+ssc', 'neo4j+ssc'];
/** One Bolt URI, or several separated by commas: the API's gold pool (db/gold-pool.ts); a sync takes exactly one. */
const boltUriList = () =>
  z.string().refine(
    (value) => {
      const uris = value.split(/[\s,]+/).filter(Boolean);
      return uris.length > 0 && uris.every((uri) => envSchemas.url(BOLT_PROTOCOLS).safeParse(uri).success);
    },
    `must be a Bolt URI (${BOLT_PROTOCOLS.map((p) => `${p}://`).join(', ')}), or several separated by commas`,
  );

/** Every setting the server and the sync read, with its environment variable and default (README, "Configuration"). */
export const serverConfigFields = {
  databaseUrl: {
    env: 'DATABASE_URL',
    default: localDatabaseUrl(),
    schema: envSchemas.url(['postgres', 'postgresql']),
    description: 'PostgreSQL connection URL (bronze, silver, ops)',
  },
  neo4jUri: {
    env: 'NEO4J_URI',
    default: localNeo4jUri('dev'),
    schema: boltUriList(),
    description: 'Neo4j Bolt URI of the gold graph; the API takes several, comma-separated, and reads from all (gold pool)',
  },
  neo4jUser: { env: 'NEO4J_USER', default: LOCAL_STACK.neo4j.user, schema: envSchemas.string(), description: 'Neo4j user' },
  neo4jPassword: {
    env: 'NEO4J_PASSWORD',
    default: LOCAL_STACK.neo4j.password,
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
  trustProxy: {
    env: 'TRUST_PROXY',
    default: '',
    schema: envSchemas.text().refine(isTrustProxyList, 'must be addresses or CIDRs (or loopback, linklocal, uniquelocal), comma-separated'),
    description:
      "proxies in front of the API whose X-Forwarded-For names the client (rate limits, connection caps); empty: the socket's address",
  },
  adminToken: {
    env: 'SONGNODES_ADMIN_TOKEN',
    default: '',
    schema: envSchemas.text(),
    description: 'Bearer token for mutations; empty disables mutations',
    secret: true,
  },
  authMode: {
    env: 'SONGNODES_AUTH_MODE',
    default: 'public',
    schema: envSchemas.oneOf(['local', 'public']),
    description: 'local: one user with the admin token (npm start); public: anonymous track requests are queued for approval',
  },
  trackRequestsPerHour: {
    env: 'SONGNODES_TRACK_REQUESTS_PER_HOUR',
    default: '10',
    schema: envSchemas.integer(1, 100_000),
    description: 'public mode: anonymous requestTrack calls one client (address) may make per hour',
  },
  setlistfmDailyCap: {
    env: 'SETLISTFM_DAILY_CAP',
    default: '1440',
    schema: envSchemas.integer(1),
    description: "setlist.fm requests per day (the crawler's cap, shown by the sources query)",
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
  syncInstanceName: {
    env: 'SYNC_INSTANCE_NAME',
    default: 'gold',
    schema: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'must be 1-63 of a-z 0-9 . _ - (e.g. a pod name, gold-0)'),
    description: 'sync: the gold instance this sync feeds: its ops.sync_state row, lock and metrics label',
  },
  syncInstanceTtlHours: {
    env: 'SYNC_INSTANCE_TTL_HOURS',
    default: '24',
    schema: envSchemas.seconds(),
    description: 'sync: an instance whose sync has not run for this long is forgotten (it rebuilds if it returns)',
  },
  syncCommunitiesDelaySeconds: {
    env: 'SYNC_COMMUNITIES_DELAY_SECONDS',
    default: '10',
    schema: envSchemas.seconds(),
    description: 'sync --watch: recompute communities once gold has not changed for this long (at the latest 5 min on)',
  },
  healthPort: {
    env: 'HEALTH_PORT',
    default: '4001',
    schema: envSchemas.integer(0, 65535),
    description: 'sync --watch: port of /healthz, /readyz and /metrics (0 picks a free one)',
  },
  healthHost: {
    env: 'HEALTH_HOST',
    default: '127.0.0.1',
    schema: envSchemas.string(),
    description: 'sync --watch: address the health server binds (0.0.0.0 in a cluster, for probes and scrapes)',
  },
} as const;

export type ServerConfig = ConfigOf<typeof serverConfigFields>;

/** Reads the server's configuration once; throws a ConfigError naming each wrong variable. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return readConfig(serverConfigFields, env);
}
