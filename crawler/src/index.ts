/**
 * The crawler workspace's one public entry (package.json `exports`): what scripts, benchmarks and the client's
 * browser tests may use. The process is `main.js` (`npm run crawl -- …`).
 */
export { runCli } from './main';
export { loadCrawlerConfig, type CrawlerConfig } from './config';
export { createLogger, type Logger } from './logger';
export { createPool } from './db/pool';
export { addTarget } from './db/targets';
export { runCrawl, type CrawlSummary, type RunCrawlOptions } from './crawl/run-crawl';
export { crawlUrl } from './crawl/crawl-url';
export { crawlSample } from './crawl/sample-crawl';
export { runWorker, type WorkerOptions } from './crawl/worker';
export { reparseBronze, type ReparseSummary } from './crawl/reparse';
export * as replay from './replay';
export { parseMixesdbWikitext } from './sources/mixesdb/parse-wikitext';
export { parse1001Tracklist } from './sources/1001tracklists/parse-tracklist';
export { parseSetlistfmSearch } from './sources/setlistfm/parse-setlists';
