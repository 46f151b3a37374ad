import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BasicCrawler } from '@crawlee/basic';
import { crawlSource } from '../../src/crawl/crawl-source';
import { crawlStateDir } from '../../src/crawl/crawl-state';
import { loadSetlistPages } from '../../src/crawl/crawl-target';
import { createProgressReporter, type ProgressEvent } from '../../src/crawl/progress';
import { openSourceRun } from '../../src/crawl/source-run';
import { runCrawl } from '../../src/crawl/run-crawl';
import { startCrawlRun } from '../../src/db/runs';
import { addTarget } from '../../src/db/targets';
import { createCrawlerMetrics } from '../../src/health/metrics';
import { mixesdbSource } from '../../src/sources/mixesdb/source';
import { mixesdbRawUrl } from '../../src/sources/mixesdb/urls';
import type { CrawlSource, SetlistRef } from '../../src/sources/types';
import { mixesdbPagesFromCsv, startCrawlHarness, type CrawlHarness } from '../support/crawl-harness';

/** "Robert Hood - Range" is played in 8 of the real mixes. */
const EXPECTED = { targets: 1, setlists: 8, failedTargets: 0 };

/**
 * MixesDB as it was crawled before issue 11: Crawlee's default BasicCrawler, with a session pool and statistics
 * persisted in the key-value store — the state whose damage used to pause the source for an hour.
 */
const sessionPoolSource: CrawlSource = {
  ...mixesdbSource,
  createSetlistCrawler: ({ context, configuration, requestQueue, onPage, onFailure }) =>
    new BasicCrawler(
      {
        requestQueue,
        maxConcurrency: 1,
        maxRequestRetries: 1,
        async requestHandler({ request }) {
          await onPage(request.userData.ref as SetlistRef, await context.fetcher.get(request.url));
        },
        failedRequestHandler({ request }, error) {
          onFailure?.(request.userData.ref as SetlistRef, error);
        },
      },
      configuration,
    ),
};

// A damaged or missing Crawlee state never pauses a source nor blocks a target (issue 11: in 6 of 20 SIGKILLs the
// next run failed on a missing SDK_SESSION_POOL_STATE.json and MixesDB was paused for an hour). What a killed
// process left is discarded when the next run starts; a state that fails mid-run is reset with a warning and the
// target goes on. Every page is fetched again each run (CRAWLER_REFETCH_AFTER_HOURS=0), so each run really goes
// through Crawlee's queue and crawler.
describe('a damaged Crawlee state', () => {
  let h: CrawlHarness;
  let dir: string;
  beforeAll(async () => {
    h = await startCrawlHarness(mixesdbPagesFromCsv(), { CRAWLER_REFETCH_AFTER_HOURS: '0' });
    dir = crawlStateDir(h.config.storageDir, 'mixesdb');
    await addTarget(h.pool, 'Robert Hood', 'Range', ['mixesdb']);
  });
  afterAll(() => h.close());

  const resets = async (metrics: ReturnType<typeof createCrawlerMetrics>) =>
    (await metrics.registry.getSingleMetric('songnodes_crawl_state_resets_total')!.get()).values.reduce((n, v) => n + v.value, 0);

  /**
   * One run of `source` (the real MixesDB source unless told) with a forced search of the target; `atTargetStart`
   * runs when the target starts, after the run opened its Crawlee state and before the crawler loads a page.
   */
  async function crawl(source: CrawlSource = mixesdbSource, atTargetStart?: () => void) {
    const metrics = createCrawlerMetrics();
    const runId = await startCrawlRun(h.pool, 'test', 'run', {});
    const progress = createProgressReporter(h.pool, h.logger);
    const report = async (event: ProgressEvent) => {
      if (event.event === 'target-started') atTargetStart?.();
      await progress(event);
    };
    const summary = await crawlSource({ ...h, runId, report, metrics }, source, { force: true });
    const paused = await h.pool.query('SELECT source FROM ops.source_state WHERE paused_until > now()');
    const target = await h.pool.query('SELECT status FROM ops.target_track_searches');
    return { summary, resets: await resets(metrics), paused: paused.rows, status: target.rows[0].status };
  }
  const ok = (resets: number) => ({ summary: EXPECTED, resets, paused: [], status: 'done' });

  /**
   * Leaves what a process killed mid-crawl leaves: a queue with handled and pending requests and, for a crawler
   * with Crawlee's defaults, its session pool and statistics.
   */
  async function leaveKilledState(source: CrawlSource) {
    const runId = await startCrawlRun(h.pool, 'test', 'run', {});
    const run = await openSourceRun({ ...h, runId, report: async () => undefined, metrics: createCrawlerMetrics() }, source);
    const title = (t: string) => ({ url: mixesdbRawUrl(h.replay.urls.mixesdb, t), label: t });
    await loadSetlistPages(run, [title('2012-09-24 - Robert Hood - RA Podcast (RA.330)')], 'killed.1');
    await run.crawler.addRequests(
      ['2011-09-12 - Robert Hood - CLR Podcast 133', '2014-12-24 - Robert Hood - Groove Podcast 38'].map((t) => ({
        url: title(t).url,
        uniqueKey: `${title(t).url}#killed.2`,
        userData: { ref: title(t) },
      })),
    );
    // no run.close(): the process died
  }

  const queueDir = () => join(dir, 'request_queues', 'songnodes-mixesdb');
  const queueEntries = () => readdirSync(queueDir()).filter((f) => f.endsWith('.json') && f !== '__metadata__.json');
  const store = () => join(dir, 'key_value_stores', 'default');
  const sessionPool = () => join(store(), 'SDK_SESSION_POOL_STATE.json');
  const write = (path: string, text: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };
  const replaceWithFile = (path: string) => {
    rmSync(path, { recursive: true, force: true });
    write(path, 'not a directory');
  };
  /** issue 11's state: the record's metadata survived the kill, its file did not */
  const sessionPoolMissing = () => {
    rmSync(sessionPool(), { force: true });
    const meta = { key: 'SDK_SESSION_POOL_STATE', contentType: 'application/json; charset=utf-8', extension: 'json' };
    write(join(store(), 'SDK_SESSION_POOL_STATE.__metadata__.json'), JSON.stringify(meta));
  };

  describe('left by a killed process', () => {
    it('is what the test damages: queued requests, a session pool and statistics', async () => {
      await leaveKilledState(sessionPoolSource);
      expect(queueEntries()).toHaveLength(3);
      expect(readdirSync(store()).sort()).toEqual(['SDK_CRAWLER_STATISTICS_0.json', 'SDK_SESSION_POOL_STATE.json']);
    });

    it.each<[string, () => void]>([
      [
        'every queue entry truncated to nothing',
        () => {
          for (const f of queueEntries()) writeFileSync(join(queueDir(), f), '');
        },
      ],
      [
        'every queue entry cut off mid-JSON',
        () => {
          for (const f of queueEntries()) writeFileSync(join(queueDir(), f), '{"id": "x", "json": "{\\"url');
        },
      ],
      [
        'every queue entry deleted',
        () => {
          for (const f of queueEntries()) rmSync(join(queueDir(), f));
        },
      ],
      ['the queue metadata corrupt', () => write(join(queueDir(), '__metadata__.json'), '{"id": "songnodes-mix')],
      [
        'lock directories of writes the kill interrupted',
        () => {
          for (const f of queueEntries()) mkdirSync(join(queueDir(), `${f}.lock`));
        },
      ],
      ['the session pool file missing while its metadata remains', sessionPoolMissing],
      ['the session pool file truncated', () => writeFileSync(sessionPool(), '{"usableSessionsCount": 3, "sessions": [{"id"')],
      ['the session pool file valid JSON of the wrong shape', () => writeFileSync(sessionPool(), '{"sessions": 5}')],
      ['the statistics file valid JSON of the wrong shape', () => writeFileSync(join(store(), 'SDK_CRAWLER_STATISTICS_0.json'), '[1, 2]')],
      ['the key-value store metadata corrupt', () => write(join(store(), '__metadata__.json'), '{"id": ')],
      ['the queue directory a file', () => replaceWithFile(queueDir())],
      ['the source directory a file', () => replaceWithFile(dir)],
    ])('is discarded and the next run goes on: %s', async (_what, damage) => {
      await leaveKilledState(sessionPoolSource);
      damage();
      expect(await crawl(sessionPoolSource)).toEqual(ok(0));
      expect(await crawl()).toEqual(ok(0));
    });
  });

  describe('failing mid-run', () => {
    it.each<[string, CrawlSource, () => void]>([
      ['the session pool file missing while its metadata remains (issue 11)', sessionPoolSource, sessionPoolMissing],
      ['the session pool file valid JSON of the wrong shape', sessionPoolSource, () => write(sessionPool(), '{"sessions": 5}')],
      ['the key-value store metadata corrupt', sessionPoolSource, () => write(join(store(), '__metadata__.json'), '{"id": ')],
      ['the key-value store directory a file', sessionPoolSource, () => replaceWithFile(store())],
      ['the queue directory a file', mixesdbSource, () => replaceWithFile(queueDir())],
      ['the source directory a file', mixesdbSource, () => replaceWithFile(dir)],
    ])('is reset with a warning and the target goes on: %s', async (_what, source, damage) => {
      expect(await crawl(source, damage)).toEqual(ok(1));
    });
  });

  it('skips the source for this run, without pausing it, when even an empty state cannot be written', async () => {
    const file = join(h.config.storageDir, 'a-file');
    writeFileSync(file, 'x');
    const config = { ...h.config, storageDir: join(file, 'storage') };
    await h.pool.query(`UPDATE ops.target_track_searches SET status = 'pending'`);
    const summary = await runCrawl({ ...h, config }, { sources: ['mixesdb'], force: true });
    expect(summary.sources.mixesdb).toEqual({
      targets: 0,
      setlists: 0,
      failedTargets: 0,
      skipped: expect.stringMatching(/^local failure \(crawl-state\)/),
    });
    const paused = await h.pool.query('SELECT source FROM ops.source_state WHERE paused_until > now()');
    expect(paused.rows).toEqual([]);
    const target = await h.pool.query('SELECT status FROM ops.target_track_searches');
    expect(target.rows).toEqual([{ status: 'pending' }]);
  });
});
