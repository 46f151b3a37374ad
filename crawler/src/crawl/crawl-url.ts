import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { CrawlerConfig } from '../config';
import { finishCrawlRun, startCrawlRun } from '../db/runs';
import { NonRetryableError, describeError } from '../errors';
import { SOURCES } from '../sources/registry';
import { createCrawlerMetrics } from '../health/metrics';
import { loadSetlistPages } from './crawl-target';
import { createProgressReporter } from './progress';
import { openSourceRun } from './source-run';
import type { StoredSetlist } from './store-page';

/** `crawl url <setlist-url>`: loads one setlist page now (whatever its age in bronze), stores and refines it. */
export async function crawlUrl(deps: { config: CrawlerConfig; pool: Pool; logger: Logger }, url: string): Promise<StoredSetlist[]> {
  const { config, pool, logger } = deps;
  let match: { source: (typeof SOURCES)[number]; ref: NonNullable<ReturnType<(typeof SOURCES)[number]['refForUrl']>> } | null = null;
  for (const source of SOURCES) {
    const ref = source.refForUrl(url, config);
    if (ref) {
      match = { source, ref };
      break;
    }
  }
  if (!match) throw new NonRetryableError(`no source recognises ${url} (check the *_BASE_URL settings)`);
  const unavailable = match.source.unavailableReason(config);
  if (unavailable) throw new NonRetryableError(unavailable);

  const runId = await startCrawlRun(pool, config.workerId, 'url', { url });
  const metrics = createCrawlerMetrics();
  try {
    const run = await openSourceRun({ config, pool, logger, runId, metrics, report: createProgressReporter(pool, logger) }, match.source);
    await loadSetlistPages(run, [match.ref], `url.${runId}`).finally(() => run.close());
    const lost = run.failedLocally.get(match.ref.url);
    if (lost) throw lost;
    const stored = run.handled.get(match.ref.url) ?? [];
    await finishCrawlRun(pool, runId, 'ok', { stored });
    return stored;
  } catch (error) {
    await finishCrawlRun(pool, runId, 'failed', { error: describeError(error) }).catch(() => undefined);
    throw error;
  }
}
