import { RequestQueue } from '@crawlee/basic';
import type { BasicCrawler } from '@crawlee/basic';
import { findRecentPage } from '../db/bronze';
import type { TargetResult, TargetSearch } from '../db/targets';
import { SourceStoppedError, describeError } from '../errors';
import type { FetchedPage } from '../http/polite-fetcher';
import type { CrawlSource, SetlistRef, SourceContext } from '../sources/types';
import type { ReportProgress } from './progress';
import { parseFetchedPage, storeParsedSetlists, type StoredSetlist } from './store-page';

/** Everything one source's part of a run shares while it works through targets. */
export interface SourceRun {
  source: CrawlSource;
  context: SourceContext;
  crawler: BasicCrawler;
  queue: RequestQueue;
  report: ReportProgress;
  /** results of setlist pages handled by the crawler, by ref URL */
  handled: Map<string, StoredSetlist[]>;
  /** why a setlist page could not be loaded, by ref URL */
  failed: Map<string, string>;
  stopped: SourceStoppedError | null;
}

/** Parses and stores one loaded setlist page; an anti-bot page stops the source. */
export async function handleSetlistPage(run: SourceRun, ref: SetlistRef, page: FetchedPage, pageId?: number) {
  const { source, context } = run;
  const id = pageId ?? (await context.savePage(page, 'setlist'));
  const stored = await storeParsedSetlists(context.pool, source, id, parseFetchedPage(source, page, context.config), context.crawlRunId);
  run.handled.set(ref.url, stored);
  for (const s of stored) {
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

/**
 * One target on one source: search with artist and title together, then load every setlist found (up to the
 * cap) — re-using a page fetched recently instead of fetching it again — and count what reached silver.
 */
export async function crawlTarget(run: SourceRun, target: TargetSearch): Promise<TargetResult> {
  const { source, context, report } = run;
  const { config } = context;
  await report({ runId: context.crawlRunId, source: source.name, event: 'target-started', targetId: target.id, detail: { artist: target.artist, title: target.title } });
  const search = await source.search(target, context, config.setlistsPerTarget);
  const results: StoredSetlist[] = [];
  for (const inline of search.inline) {
    results.push(...(await storeParsedSetlists(context.pool, source, inline.pageId, [inline.parsed], context.crawlRunId)));
  }
  const toFetch: SetlistRef[] = [];
  for (const ref of search.refs) {
    const recent = await findRecentPage(context.pool, source.name, ref.url, config.refetchAfterHours);
    if (recent) await handleSetlistPage(run, ref, recent, recent.id);
    else toFetch.push(ref);
  }
  if (toFetch.length > 0) {
    // The key carries the target's attempt: a later search of the same target fetches again, while a run that
    // was killed and restarted finds the requests it already handled marked as handled.
    await run.crawler.addRequests(
      toFetch.map((ref) => ({ url: ref.url, uniqueKey: `${ref.url}#${target.id}.${target.attempts}`, userData: { ref } })),
    );
    await runCrawler(run);
  }
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

/** Runs the source's crawler until its queue is empty; a stopped source surfaces as SourceStoppedError. */
export async function runCrawler(run: SourceRun): Promise<void> {
  try {
    await run.crawler.run();
  } catch (error) {
    throw run.stopped ?? new SourceStoppedError(run.source.name, describeError(error));
  }
  if (run.stopped) throw run.stopped;
}
