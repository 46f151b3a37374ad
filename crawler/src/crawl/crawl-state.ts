import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Configuration, log as crawleeLog } from '@crawlee/basic';
import { MemoryStorage } from '@crawlee/memory-storage';

/**
 * Crawlee's state for one source — its request queue, and whatever a crawler keeps in key-value stores (session
 * pool, statistics) — lives under `<CRAWLER_STORAGE_DIR>/<source>/` while a process crawls. It is scratch, never
 * the record: the record is PostgreSQL. A target is a row claimed under a lock that dies with its worker, and every
 * page a request loaded is in bronze; a target whose requests are lost is claimed and searched again, re-using the
 * pages bronze holds. So:
 * - a run starts from an empty state: what a killed process left (its queued requests, half-written files) is
 *   discarded, not resumed. Resuming it would load those pages out of order (memory-storage hands reloaded requests
 *   out in directory order) and twice when another worker claims their target;
 * - a state that fails mid-run is reset with a warning and the crawl goes on; it is never held against the source
 *   (issue 11: a damaged session-pool file paused MixesDB for an hour).
 * One process per storage directory (a pod's emptyDir; `crawl run` next to a local `crawl worker` wants its own).
 */
export function crawlStateDir(storageDir: string, source: string): string {
  return join(storageDir, source);
}

/**
 * A Crawlee configuration over its own storage client. Crawlee shares one cached client per directory across
 * configurations (Configuration.createMemoryStorage); a client of our own is what lets a reset start from an empty
 * state instead of the cached, damaged one.
 */
export function crawleeConfiguration(dir: string): Configuration {
  // Our logger reports every request outcome; Crawlee's own console logging (on stdout) would say it twice.
  crawleeLog.setLevel(crawleeLog.LEVELS.OFF);
  return new Configuration({
    storageClient: new MemoryStorage({ localDataDirectory: dir, persistStorage: true, writeMetadata: false }),
    persistStorage: true,
    purgeOnStart: false,
  });
}

/** Deletes a source's Crawlee state; resolves to whether there was one. The next configuration starts empty. */
export async function discardCrawlState(dir: string): Promise<boolean> {
  const existed = await access(dir).then(
    () => true,
    () => false,
  );
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  return existed;
}
