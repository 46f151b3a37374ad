/**
 * The other workspaces the browser tests drive, through their public entries (package.json `exports`) and their
 * built output (turbo builds them first: they are devDependencies of the client). They are CommonJS, so they are
 * required, not imported; the interfaces below name exactly what the tests use of them.
 */
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const require = createRequire(import.meta.url);

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

type Deps = { config: unknown; pool: unknown; logger: unknown };

export const crawler = require('@songnodes/crawler') as {
  replay: {
    startReplayServer(options: { mixesdb: { pages: Map<string, string> } }): Promise<ReplayServer>;
    mixesdbSamplePages(): Map<string, string>;
    loadMixesdbCsvMixes(): CsvMix[];
    pageTitleFromMixUrl(url: string): string;
  };
  loadCrawlerConfig(env: NodeJS.ProcessEnv): Opaque & { databaseUrl: string };
  createPool(url: string): Opaque & Closable & { query(sql: string): Promise<{ rows: Record<string, unknown>[] }> };
  addTarget(pool: unknown, artist: string, title: string, sources: string[]): Promise<string[]>;
  runCrawl(deps: Deps, options: { sources: string[] }): Promise<unknown>;
  crawlUrl(deps: Deps, url: string): Promise<unknown[]>;
  createLogger(level: string): Opaque;
};

export interface ApiApp {
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export const server = require('@songnodes/server') as {
  buildApp(config: unknown, options?: { clientDir?: string | null; rateLimit?: { perSecond: number; burst: number } }): Promise<ApiApp>;
  loadServerConfig(env: NodeJS.ProcessEnv): Opaque & { databaseUrl: string; neo4jUri: string; neo4jUser: string; neo4jPassword: string };
  runSync(deps: { pg: unknown; neo4j: unknown; logger: unknown }, options?: { full?: boolean }): Promise<{ mode: string }>;
  createPostgresPool(options: { connectionString: string }): Opaque & Closable;
  createNeo4jDriver(options: { uri: string; user: string; password: string }): Opaque & { close(): Promise<void> };
  createLogger(level: string): Opaque;
};
