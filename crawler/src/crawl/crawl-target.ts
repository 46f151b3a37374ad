import type { BasicCrawler } from '@crawlee/basic';
import { findRecentPage } from '../db/bronze';
import type { TargetResult, TargetSearch } from '../db/targets';
import { LocalFailureError, ShutdownError, SourceStoppedError, describeError } from '../errors';
import type { CrawlerMetrics } from '../health/metrics';
import type { CircuitBreaker } from '../http/circuit-breaker';
import type { FetchedPage } from '../http/polite-fetcher';
import type { CrawlSource, SetlistRef, SourceContext } from '../sources/types';
import type { ReportProgress } from './progress';
import { parseFetchedPage, storeParsedSetlists, type StoredSetlist } from './store-page';

/** Everything one source's part of a run shares while it works through targets. */
export interface SourceRun {
  source: CrawlSource;
  context: SourceContext;
  crawler: BasicCrawler;
  report: ReportProgress;
  metrics: CrawlerMetrics;
  breaker: CircuitBreaker;
  /** aborted when the worker stops (SIGTERM) */
  signal?: AbortSignal;
  /** results of setlist pages handled by the crawler, by ref URL */
  handled: Map<string, StoredSetlist[]>;
  /** why a setlist page could not be loaded or used (the source's doing), by ref URL */
  failed: Map<string, string>;
  /** setlist pages lost to a failure of ours (PostgreSQL...), by ref URL: their target is tried again soon */
  failedLocally: Map<string, LocalFailureError>;
  stopped: SourceStoppedError | null;
  /** throws the failed Crawlee state away and opens an empty one (source-run.ts) */
  resetState(why: unknown): Promise<void>;
  /** deletes the Crawlee state at the end of the run: only a process that did not finish leaves one */
  close(): Promise<void>;
}

/** Parses and stores one loaded setlist page; an anti-bot page stops the source. */
export async function handleSetlistPage(run: SourceRun, ref: SetlistRef, page: FetchedPage, pageId?: number) {
  const { source, context, metrics } = run;
  const id = pageId ?? (await context.savePage(page, 'setlist'));
  const stored = await storeParsedSetlists(context.pool, source, id, parseFetchedPage(source, page, context.config), context.crawlRunId);
  run.handled.set(ref.url, stored);
  if (stored.length === 0) metrics.setlistRefused(source.name, 'no_setlist');
  for (const s of stored) {
    countStored(metrics, source, s);
    await run.report({
      runId: context.crawlRunId,
      source: source.name,
      event: 'setlist',
      detail: { url: s.sourceUrl, status: s.status, reason: s.statusReason, outcome: s.outcome.kind },
    });
  }
  const blocked = stored.find((s) => s.status === 'blocked');
  if (blocked) throw new SourceStoppedError(source.name, `blocked by an anti-bot page at ${ref.url}: ${blocked.statusReason ?? ''}`);
}

function countStored(metrics: CrawlerMetrics, source: CrawlSource, s: StoredSetlist) {
  if (s.status !== 'ok') metrics.setlistRefused(source.name, s.status);
  else if (s.outcome.kind === 'not-refined') metrics.setlistRefused(source.name, 'not_refined');
  else metrics.setlistStored(source.name, s.outcome.kind);
}

/**
 * One target on one source: search with artist and title together, then load every setlist found (up to the
 * cap) — re-using a page fetched recently instead of fetching it again — and count what reached silver.
 */
export async function crawlTarget(run: SourceRun, target: TargetSearch): Promise<TargetResult> {
  const { source, context, report } = run;
  const { config } = context;
  // Each target reads only its own pages' results (a page of an earlier target or of a killed run's leftovers
  // may have had another fate).
  run.handled.clear();
  run.failed.clear();
  run.failedLocally.clear();
  await report({
    runId: context.crawlRunId,
    source: source.name,
    event: 'target-started',
    targetId: target.id,
    detail: { artist: target.artist, title: target.title },
  });
  const search = await source.search(target, context, config.setlistsPerTarget);
  const results: StoredSetlist[] = [];
  for (const inline of search.inline) {
    const stored = await storeParsedSetlists(context.pool, source, inline.pageId, [inline.parsed], context.crawlRunId);
    for (const s of stored) countStored(run.metrics, source, s);
    results.push(...stored);
  }
  const toFetch: SetlistRef[] = [];
  for (const ref of search.refs) {
    const recent = await findRecentPage(context.pool, source.name, ref.url, config.refetchAfterHours);
    if (recent) await handleSetlistPage(run, ref, recent, recent.id);
    else toFetch.push(ref);
  }
  if (toFetch.length > 0) await loadSetlistPages(run, toFetch, `${context.crawlRunId}.${target.id}`);
  const lost = search.refs.find((ref) => run.failedLocally.has(ref.url));
  // Pages stored so far stay stored; the target fails (not 'done' for a week) so the lost pages are loaded soon.
  if (lost) throw run.failedLocally.get(lost.url);
  for (const ref of search.refs) results.push(...(run.handled.get(ref.url) ?? []));
  const ok = results.filter((r) => r.status === 'ok');
  const problems = [
    ...results.filter((r) => r.status !== 'ok').map((r) => `${r.sourceUrl}: ${r.status} (${r.statusReason ?? ''})`),
    ...search.refs.flatMap((ref) => (run.failed.has(ref.url) ? [`${ref.url}: ${run.failed.get(ref.url)}`] : [])),
  ];
  const result: TargetResult = {
    status: 'done',
    resultsFound: search.resultsFound,
    setlistsFound: ok.length,
    error: problems.length > 0 ? `${problems.length} setlist page(s) not usable: ${problems.join('; ').slice(0, 2000)}` : null,
    dueInSeconds: config.searchIntervalHours * 3600,
  };
  await report({ runId: context.crawlRunId, source: source.name, event: 'target-finished', targetId: target.id, detail: { ...result } });
  return result;
}

/**
 * Loads `refs` through the source's Crawlee crawler. A failure of Crawlee itself (its persisted state damaged by
 * a SIGKILL, say) resets the state and loads the pages not yet handled once more; a second one fails the target
 * as a local failure. `key` names this load (run and target) in the request keys.
 */
export async function loadSetlistPages(run: SourceRun, refs: SetlistRef[], key: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const pending = refs.filter((ref) => !run.handled.has(ref.url) && !run.failed.has(ref.url) && !run.failedLocally.has(ref.url));
    try {
      await addRequests(
        run,
        pending.map((ref) => ({ url: ref.url, uniqueKey: `${ref.url}#${key}`, userData: { ref } })),
      );
      await runCrawler(run);
      return;
    } catch (error) {
      if (attempt >= 2 || !(error instanceof LocalFailureError && error.kind === 'crawl-state')) throw error;
      await run.resetState(error);
    }
  }
}

async function addRequests(run: SourceRun, requests: Parameters<BasicCrawler['addRequests']>[0]): Promise<void> {
  try {
    await run.crawler.addRequests(requests);
  } catch (error) {
    throw new LocalFailureError('crawl-state', `Crawlee could not queue requests: ${describeError(error)}`, { cause: error });
  }
}

/** The source's own reason to stop, if it gave one: an anti-bot page, its breaker, its daily cap. */
function stopReason(run: SourceRun): SourceStoppedError | null {
  if (run.stopped) return run.stopped;
  return run.breaker.isOpen ? new SourceStoppedError(run.source.name, `paused: ${run.breaker.reason}`) : null;
}

/**
 * Runs the source's crawler until its queue is empty (or the worker stops: the page in progress finishes, the
 * rest stays queued). Page failures are Crawlee's to retry and record; when run() itself throws, either the source
 * stopped us (SourceStoppedError) or Crawlee's own machinery failed (LocalFailureError 'crawl-state') — never
 * the source's fault, so it is never turned into a pause.
 */
export async function runCrawler(run: SourceRun): Promise<void> {
  if (run.signal?.aborted) throw new ShutdownError();
  const stop = () => run.crawler.stop('the worker is stopping');
  run.signal?.addEventListener('abort', stop, { once: true });
  try {
    await run.crawler.run();
  } catch (error) {
    throw stopReason(run) ?? new LocalFailureError('crawl-state', `Crawlee failed: ${describeError(error)}`, { cause: error });
  } finally {
    run.signal?.removeEventListener('abort', stop);
  }
  const stopped = stopReason(run);
  if (stopped) throw stopped;
  if (run.signal?.aborted) throw new ShutdownError();
}
