/**
 * The real stack for the browser tests: a fresh PostgreSQL database of their own, silver filled by the real
 * crawler from the bundled real MixesDB sample (through the replay server, no internet), gold rebuilt by the real
 * sync in the test Neo4j, and the real API serving the built client on one origin.
 *
 * One mix is held back: Robert Hood's RA.330 podcast, the only setlist in the sample where "Robert Hood — Range"
 * is followed by "Rhythm Is Rhythm — Salsa Life". Crawling it later (crawlHeldBackMix) is the "new setlist
 * arrives while you watch" event of the live test.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crawler, REPO_ROOT, server, type ApiApp, type CsvMix, type ReplayServer } from './workspaces';

export const HELD_BACK_MIX = '2012-09-24 - Robert Hood - RA Podcast (RA.330)';

export interface SampleStack {
  /** http://127.0.0.1:<port> serving the client at / and GraphQL at /graphql */
  baseUrl: string;
  /** origin the stored setlists link to (the replay server's MixesDB) */
  sourceBaseUrl: string;
  /** crawls the held-back mix and syncs, as a worker and the sync --watch would */
  crawlHeldBackMix(): Promise<void>;
  close(): Promise<void>;
}

/** The first identified row of a mix: what `targets add` would be given for it (as bench/crawl does). */
function targetOf(mix: CsvMix): { artist: string; title: string } | null {
  const first = mix.rows.find((row) => row.artist && row.title && !row.title.startsWith('?'));
  const title = first?.title.replace(/\s*\[[^\]]*\]?\s*$/, '');
  return first && title ? { artist: first.artist, title } : null;
}

export async function startSampleStack(databaseUrl: string): Promise<SampleStack> {
  const clientDir = join(REPO_ROOT, 'client', 'dist');
  if (!existsSync(join(clientDir, 'index.html')))
    throw new Error('client/dist is missing: run `npm run build -w client` (turbo does before test)');
  const { replay: replayModule } = crawler;
  const pages = replayModule.mixesdbSamplePages();
  const mixes = replayModule.loadMixesdbCsvMixes();
  const heldBack = mixes.find((mix) => mix.mixTitle === HELD_BACK_MIX);
  if (!heldBack) throw new Error(`the bundled sample no longer has "${HELD_BACK_MIX}"`);
  const heldBackTitle = replayModule.pageTitleFromMixUrl(heldBack.mixUrl);
  const heldBackText = pages.get(heldBackTitle);
  if (heldBackText === undefined) throw new Error(`no replay page for "${heldBackTitle}"`);
  pages.delete(heldBackTitle);

  const replay: ReplayServer = await replayModule.startReplayServer({ mixesdb: { pages } });
  const storageDir = mkdtempSync(join(tmpdir(), 'songnodes-client-e2e-'));
  const crawlConfig = crawler.loadCrawlerConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    MIXESDB_BASE_URL: replay.urls.mixesdb,
    MIXESDB_DELAY_SECONDS: '0',
    CRAWLER_BACKOFF_BASE_SECONDS: '0',
    CRAWLER_SETLISTS_PER_TARGET: '50',
    CRAWLER_STORAGE_DIR: storageDir,
    LOG_LEVEL: 'silent',
  });
  const crawlDeps = { config: crawlConfig, pool: crawler.createPool(databaseUrl), logger: crawler.createLogger('silent') };
  for (const mix of mixes) {
    const target = mix === heldBack ? null : targetOf(mix);
    if (target) await crawler.addTarget(crawlDeps.pool, target.artist, target.title, ['mixesdb']);
  }
  await crawler.runCrawl(crawlDeps, { sources: ['mixesdb'] });

  const serverConfig = server.loadServerConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
  });
  const syncDeps = {
    pg: server.createPostgresPool({ connectionString: databaseUrl }),
    neo4j: server.createNeo4jDriver({ uri: serverConfig.neo4jUri, user: serverConfig.neo4jUser, password: serverConfig.neo4jPassword }),
    logger: server.createLogger('silent'),
  };
  // Neo4j Community has one database for every test: rebuild gold from this database's silver only.
  await server.runSync(syncDeps, { full: true });

  const app: ApiApp = await server.buildApp(serverConfig, {
    clientDir,
    rateLimit: { perSecond: 1000, burst: 5000 },
  });
  const baseUrl = await app.listen(0, '127.0.0.1');

  return {
    baseUrl,
    sourceBaseUrl: replay.urls.mixesdb,
    async crawlHeldBackMix() {
      replay.setMixesdbPage(heldBackTitle, heldBackText);
      await crawler.crawlUrl(crawlDeps, `${replay.urls.mixesdb}/w/${encodeURIComponent(heldBackTitle.replace(/ /g, '_'))}`);
      await server.runSync(syncDeps);
    },
    async close() {
      await app.close();
      await Promise.all([syncDeps.pg.end(), syncDeps.neo4j.close(), crawlDeps.pool.end()]);
      await replay.close();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}
