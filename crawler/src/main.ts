import { loadCrawlerConfig } from './config';
import { targetsCommand } from './cli/targets-command';
import { parseRunArgs } from './cli/run-args';
import { processOutput, UsageError, type Output } from './cli/output';
import { createPool } from './db/pool';
import { describeError } from './errors';
import { IMPORT_USAGE, importCommand } from './import/import-command';
import { createLogger } from './logger';

/**
 * A command's modules, loaded when it runs: crawling loads Crawlee and Playwright (seconds), which `import` and
 * `reparse` never need.
 */
const load = {
  crawlUrl: () => require('./crawl/crawl-url') as typeof import('./crawl/crawl-url'),
  sampleCrawl: () => require('./crawl/sample-crawl') as typeof import('./crawl/sample-crawl'),
  reparse: () => require('./crawl/reparse') as typeof import('./crawl/reparse'),
  runCrawl: () => require('./crawl/run-crawl') as typeof import('./crawl/run-crawl'),
  worker: () => require('./crawl/worker') as typeof import('./crawl/worker'),
  metrics: () => require('./health/metrics') as typeof import('./health/metrics'),
  workerHealth: () => require('./health/worker-health') as typeof import('./health/worker-health'),
  replay: () => require('./replay') as typeof import('./replay'),
};

const USAGE = `usage: npm run crawl -- <command>
  targets add --artist "Artist" --title "Title"   add a target track (searched on every source)
  targets import <file.csv>                      add targets from a CSV with the columns artist,title
  targets list                                   show targets and their search state
  run [--source mixesdb|1001tracklists|setlistfm] [--limit N] [--force]
                                                 search due targets and scrape the setlists found
  worker [--source ...] [--interval-minutes 10]  keep crawling: due targets on a timer and whenever a crawl is requested;
                                                 /healthz, /readyz, /metrics on HEALTH_HOST:HEALTH_PORT; SIGTERM stops it cleanly
  url <setlist-url>                              scrape one setlist now
  reparse                                        rebuild silver from bronze with the current parsers
  replay --sample [--port-base N] | --dir <path> serve stored pages at local base URLs (no internet)
  sample [--if-empty]                            crawl the bundled real MixesDB sample through the replay server
  ${IMPORT_USAGE}`;

/** Runs one crawler command; returns the exit code (non-zero only for usage errors and critical failures). */
export async function runCli(argv: string[], out: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    out.line(USAGE);
    return command ? 0 : 2;
  }
  const config = loadCrawlerConfig();
  const logger = createLogger(config.logLevel);
  const pool = createPool(config.databaseUrl, logger);
  try {
    switch (command) {
      case 'targets':
        return await targetsCommand(pool, rest, out);
      case 'run': {
        const summary = await load.runCrawl().runCrawl({ config, pool, logger }, parseRunArgs(rest));
        for (const [source, s] of Object.entries(summary.sources)) {
          const note = s.skipped ? `skipped: ${s.skipped}` : s.stopped ? `stopped: ${s.stopped}` : '';
          const local = s.localFailures ? ` (${s.localFailures} on our side)` : '';
          out.line(
            `${source.padEnd(14)} targets ${s.targets}  setlists ${s.setlists}  failed ${s.failedTargets}${local}  ${note}`.trimEnd(),
          );
        }
        out.line(`crawl run ${summary.runId} finished`);
        return 0;
      }
      case 'worker': {
        // Loaded before the signal handlers below: a module that listens for SIGTERM itself re-raises the signal
        // when it finds itself the only listener, so ours must not be the first to run (and remove itself).
        const { createWorkerStatus, runWorker } = load.worker();
        const intervalAt = rest.indexOf('--interval-minutes');
        const minutes = intervalAt >= 0 ? Number(rest[intervalAt + 1]) : 10;
        if (!(minutes > 0)) throw new UsageError('--interval-minutes takes a positive number');
        const args = intervalAt >= 0 ? rest.filter((_, i) => i !== intervalAt && i !== intervalAt + 1) : rest;
        const runArgs = parseRunArgs(args);
        // SIGTERM (Kubernetes) or Ctrl-C: claim nothing more, finish the page in progress, give the target back
        // (its row lock is released at once for another worker), close Crawlee and the browser, exit 0.
        const stop = new AbortController();
        const onSignal = (signal: NodeJS.Signals) => {
          logger.info({ signal }, 'stopping: no more claims; the target in progress is given back');
          stop.abort();
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        const metrics = load.metrics().createCrawlerMetrics();
        const status = createWorkerStatus();
        const health = await load.workerHealth().startWorkerHealth({ config, pool, logger, metrics, status });
        out.line(`crawl worker: health and metrics on ${health.url} (/healthz, /readyz, /metrics)`);
        try {
          const runs = await runWorker(
            { config, pool, logger, metrics },
            { ...runArgs, intervalMs: minutes * 60_000, signal: stop.signal, status },
          );
          out.line(`worker stopped after ${runs} run(s)`);
        } finally {
          await health.close();
        }
        return 0;
      }
      case 'url': {
        if (!rest[0]) throw new UsageError('url needs a setlist URL');
        for (const s of await load.crawlUrl().crawlUrl({ config, pool, logger }, rest[0])) {
          out.line(`${s.status.padEnd(7)} ${s.outcome.kind.padEnd(11)} ${s.sourceUrl}${s.statusReason ? `  (${s.statusReason})` : ''}`);
        }
        return 0;
      }
      case 'reparse': {
        const s = await load.reparse().reparseBronze({ config, pool, logger });
        out.line(
          `reparsed ${s.pages} page(s), ${s.setlists} setlist(s): ${s.written} written, ${s.unchanged} unchanged, ${s.notRefined} not refined`,
        );
        return 0;
      }
      case 'sample': {
        if (rest.includes('--if-empty')) {
          const { rows } = await pool.query('SELECT count(*)::int AS n FROM silver.setlists');
          if (rows[0].n > 0) {
            out.line(`sample: skipped, silver already holds ${rows[0].n} setlist(s)`);
            return 0;
          }
        }
        const s = await load.sampleCrawl().crawlSample({ config, pool, logger });
        const mixesdb = s.sources.mixesdb;
        out.line(`sample: ${s.targets} new target(s); ${mixesdb?.targets ?? 0} searched, ${mixesdb?.setlists ?? 0} setlist(s) stored`);
        return 0;
      }
      case 'import':
        return await importCommand({ pool, logger, workerId: config.workerId }, rest, out);
      case 'replay':
        await serveReplay(rest, out);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    out.error(`crawl ${command} failed: ${describeError(error)}`);
    return 1;
  } finally {
    await pool.end();
  }
}

/**
 * `replay --sample`: the bundled real MixesDB sample at a local MixesDB origin; `replay --dir`: a folder of stored
 * pages (src/replay/load-replay-dir.ts). Point MIXESDB_BASE_URL etc. at the printed URLs. Runs until Ctrl-C.
 */
async function serveReplay(argv: string[], out: Output): Promise<void> {
  const { mixesdbSamplePages, runReplayCli, startReplayServer } = load.replay();
  let close: () => Promise<void>;
  if (argv[0] === '--sample') {
    const portBase = argv[1] === '--port-base' ? Number(argv[2]) : undefined;
    const ports = portBase ? { mixesdb: portBase, '1001tracklists': portBase + 1, setlistfm: portBase + 2 } : undefined;
    const server = await startReplayServer({ mixesdb: { pages: mixesdbSamplePages() }, ...(ports ? { ports } : {}) });
    out.line(
      `MIXESDB_BASE_URL=${server.urls.mixesdb}\nTRACKLISTS1001_BASE_URL=${server.urls['1001tracklists']}\nSETLISTFM_BASE_URL=${server.urls.setlistfm}`,
    );
    close = () => server.close();
  } else {
    const server = await runReplayCli(argv);
    close = () => server.close();
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await close();
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${describeError(error)}\n`);
      process.exit(1);
    },
  );
}
