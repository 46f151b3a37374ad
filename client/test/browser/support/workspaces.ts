/**
 * The other workspaces the browser tests drive, loaded from their built output (turbo builds them first: they
 * are devDependencies of the client). They are CommonJS, so they are required, not imported; the interfaces
 * below name exactly what the tests use of them.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const require = createRequire(import.meta.url);
const load = <T>(path: string): T => require(join(REPO_ROOT, path)) as T;

/** Opaque to the tests: passed from one workspace function to another. */
type Opaque = { readonly __opaque: unique symbol };
export interface Closable {
  end(): Promise<void>;
}

export interface ReplayServer {
  urls: { mixesdb: string };
  setMixesdbPage(title: string, wikitext: string): void;
  close(): Promise<void>;
}
export interface CsvMix {
  mixTitle: string;
  mixUrl: string;
  rows: { artist: string; title: string }[];
}

export const crawler = {
  replay: load<{
    startReplayServer(options: { mixesdb: { pages: Map<string, string> } }): Promise<ReplayServer>;
    mixesdbSamplePages(): Map<string, string>;
    loadMixesdbCsvMixes(): CsvMix[];
    pageTitleFromMixUrl(url: string): string;
  }>('crawler/dist/replay/index.js'),
  config: load<{ loadCrawlerConfig(env: NodeJS.ProcessEnv): Opaque & { databaseUrl: string } }>('crawler/dist/config.js'),
  pool: load<{ createPool(url: string): Opaque & Closable & { query(sql: string): Promise<{ rows: Record<string, unknown>[] }> } }>('crawler/dist/db/pool.js'),
  targets: load<{ addTarget(pool: unknown, artist: string, title: string, sources: string[]): Promise<string[]> }>('crawler/dist/db/targets.js'),
  runCrawl: load<{ runCrawl(deps: { config: unknown; pool: unknown; logger: unknown }, options: { sources: string[] }): Promise<unknown> }>('crawler/dist/crawl/run-crawl.js'),
  crawlUrl: load<{ crawlUrl(deps: { config: unknown; pool: unknown; logger: unknown }, url: string): Promise<unknown[]> }>('crawler/dist/crawl/crawl-url.js'),
  logger: load<{ createLogger(level: string): Opaque }>('crawler/dist/logger.js'),
};

export interface ApiApp {
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export const server = {
  app: load<{
    buildApp(config: unknown, options?: { clientDir?: string | null; rateLimit?: { perSecond: number; burst: number } }): Promise<ApiApp>;
  }>('server/dist/app.js'),
  config: load<{ loadServerConfig(env: NodeJS.ProcessEnv): Opaque & { databaseUrl: string; neo4jUri: string; neo4jUser: string; neo4jPassword: string } }>(
    'server/dist/config.js',
  ),
  sync: load<{ runSync(deps: { pg: unknown; neo4j: unknown; logger: unknown }, options?: { full?: boolean }): Promise<{ mode: string }> }>(
    'server/dist/sync/index.js',
  ),
  postgres: load<{ createPostgresPool(options: { connectionString: string }): Opaque & Closable }>('server/dist/db/postgres.js'),
  neo4j: load<{ createNeo4jDriver(options: { uri: string; user: string; password: string }): Opaque & { close(): Promise<void> } }>('server/dist/db/neo4j.js'),
  logger: load<{ createLogger(level: string): Opaque }>('server/dist/logger.js'),
};
