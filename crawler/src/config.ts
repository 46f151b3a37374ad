import { hostname } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CHROMIUM_PATH, envSchemas, localDatabaseUrl, readConfig, type ConfigOf } from '@songnodes/contracts';

/** Every setting the crawler reads, with its environment variable and default (README, "Configuration"). */
export const crawlerConfigFields = {
  databaseUrl: {
    env: 'DATABASE_URL',
    default: localDatabaseUrl(),
    schema: envSchemas.url(['postgres', 'postgresql']),
    description: 'PostgreSQL connection URL',
  },
  mixesdbBaseUrl: {
    env: 'MIXESDB_BASE_URL',
    default: 'https://www.mixesdb.com',
    schema: envSchemas.url(['http', 'https']),
    description: 'MixesDB origin (MediaWiki API at /w/api.php)',
  },
  tracklists1001BaseUrl: {
    env: 'TRACKLISTS1001_BASE_URL',
    default: 'https://www.1001tracklists.com',
    schema: envSchemas.url(['http', 'https']),
    description: '1001tracklists origin',
  },
  setlistfmBaseUrl: {
    env: 'SETLISTFM_BASE_URL',
    default: 'https://api.setlist.fm',
    schema: envSchemas.url(['http', 'https']),
    description: 'setlist.fm API origin (/rest/1.0)',
  },
  setlistfmApiKey: {
    env: 'SETLISTFM_API_KEY',
    default: '',
    schema: envSchemas.text(),
    description: 'setlist.fm API key; without one the source is skipped',
    secret: true,
  },
  mixesdbDelaySeconds: {
    env: 'MIXESDB_DELAY_SECONDS',
    default: '3',
    schema: envSchemas.seconds(),
    description: 'minimum seconds between MixesDB requests',
  },
  tracklists1001DelaySeconds: {
    env: 'TRACKLISTS1001_DELAY_SECONDS',
    default: '8',
    schema: envSchemas.seconds(),
    description: 'minimum seconds between 1001tracklists page loads',
  },
  setlistfmDelaySeconds: {
    env: 'SETLISTFM_DELAY_SECONDS',
    default: '0.5',
    schema: envSchemas.seconds(),
    description: 'minimum seconds between setlist.fm requests',
  },
  setlistfmDailyCap: {
    env: 'SETLISTFM_DAILY_CAP',
    default: '1440',
    schema: envSchemas.integer(1),
    description: 'setlist.fm requests per day (all workers)',
  },
  userAgent: {
    env: 'CRAWLER_USER_AGENT',
    default: 'SongNodesBot/0.1 (+https://github.com/songnodes/songnodes; DJ setlist research; polite crawler)',
    schema: envSchemas.string(),
    description: 'User-Agent sent to every source',
  },
  setlistsPerTarget: {
    env: 'CRAWLER_SETLISTS_PER_TARGET',
    default: '25',
    schema: envSchemas.integer(1, 1000),
    description: 'setlists scraped per target and source, at most',
  },
  searchIntervalHours: {
    env: 'CRAWLER_SEARCH_INTERVAL_HOURS',
    default: '168',
    schema: envSchemas.seconds(),
    description: 'hours before a searched target is due again (without --force)',
  },
  refetchAfterHours: {
    env: 'CRAWLER_REFETCH_AFTER_HOURS',
    default: '720',
    schema: envSchemas.seconds(),
    description: 'a setlist page fetched more recently is re-used from bronze instead of fetched',
  },
  timeoutSeconds: { env: 'CRAWLER_TIMEOUT_SECONDS', default: '30', schema: envSchemas.seconds(), description: 'per-request timeout' },
  maxRetries: {
    env: 'CRAWLER_MAX_RETRIES',
    default: '4',
    schema: envSchemas.integer(0, 20),
    description: 'retries on 429, 5xx, timeouts and network errors',
  },
  backoffBaseSeconds: {
    env: 'CRAWLER_BACKOFF_BASE_SECONDS',
    default: '2',
    schema: envSchemas.seconds(),
    description: 'first retry delay; doubles each retry (Retry-After wins when larger)',
  },
  backoffMaxSeconds: {
    env: 'CRAWLER_BACKOFF_MAX_SECONDS',
    default: '120',
    schema: envSchemas.seconds(),
    description: 'longest retry delay',
  },
  breakerThreshold: {
    env: 'CRAWLER_BREAKER_THRESHOLD',
    default: '5',
    schema: envSchemas.integer(1),
    description: 'consecutive failed requests that pause a source',
  },
  breakerCooldownMinutes: {
    env: 'CRAWLER_BREAKER_COOLDOWN_MINUTES',
    default: '60',
    schema: envSchemas.seconds(),
    description: 'how long a source stays paused after its breaker opens',
  },
  storageDir: {
    env: 'CRAWLER_STORAGE_DIR',
    default: join(__dirname, '..', 'storage'),
    schema: envSchemas.string(),
    description: 'Crawlee storage (request queues persist here between runs)',
  },
  chromiumPath: {
    env: 'CHROMIUM_PATH',
    default: DEFAULT_CHROMIUM_PATH,
    schema: envSchemas.string(),
    description: 'the system Chromium Playwright drives',
  },
  healthPort: {
    env: 'HEALTH_PORT',
    default: '9464',
    schema: envSchemas.integer(0, 65535),
    description: "port of `crawl worker`'s /healthz, /readyz and /metrics (0: any free port)",
  },
  healthHost: {
    env: 'HEALTH_HOST',
    default: '127.0.0.1',
    schema: envSchemas.string(),
    description: 'address the health server binds (0.0.0.0 to let a cluster probe and scrape it)',
  },
  stallMinutes: {
    env: 'CRAWLER_STALL_MINUTES',
    default: '30',
    schema: envSchemas.seconds(),
    description: 'a worker that has been crawling this long without a request, page or target is not ready',
  },
  workerId: {
    env: 'CRAWLER_WORKER_ID',
    default: `${hostname()}-${process.pid}`,
    schema: envSchemas.string(),
    description: 'names this worker in ops.crawl_runs',
  },
  logLevel: {
    env: 'LOG_LEVEL',
    default: 'info',
    schema: envSchemas.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    description: 'pino log level',
  },
} as const;

export type CrawlerConfig = ConfigOf<typeof crawlerConfigFields>;

/** Reads the crawler's configuration once; throws a ConfigError naming each wrong variable. */
export function loadCrawlerConfig(env: NodeJS.ProcessEnv = process.env): CrawlerConfig {
  return readConfig(crawlerConfigFields, env);
}
