// `npm run sync [-- --full | --watch | --check | --forget NAME] [--batch-size N] [--skip-communities]`: the
// silver -> gold sync's command line. One process feeds one gold instance (NEO4J_URI, one URI), named by
// SYNC_INSTANCE_NAME (its watermark row, lock, gold marker and metrics label).
//   (no flag)  one incremental run (a full rebuild when no watermark is stored), then communities if gold changed
//   --full     clear gold and reproject all of silver, then communities
//   --watch    keep running: on NOTIFY silver_changed and every SYNC_INTERVAL_SECONDS; communities once gold is
//              quiet; /healthz, /readyz, /metrics on HEALTH_HOST:HEALTH_PORT; SIGTERM abandons the current batch
//   --check    compare gold with silver (counts + checksums); exit code 1 when they differ
//   --forget   delete the ops.sync_state row of a gold instance that is gone for good (it stops holding back pruning)
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { Pool } from 'pg';
import { loadServerConfig, type ServerConfig } from '../config';
import { parseGoldUris } from '../db/gold-pool';
import { createNeo4jDriver } from '../db/neo4j';
import { createPostgresPool } from '../db/postgres';
import { createLogger, type Logger } from '../logger';
import { checkGold } from './check-gold';
import { runCommunityJob } from './communities';
import { checkNeo4j, checkPostgres, READY_CHECK_TIMEOUT_MS, startHealthServer } from './health-server';
import { createSyncMetrics } from './metrics';
import { runSync, type SyncDeps } from './run-sync';
import { watchSilver } from './watch';
import { forgetInstance, SyncAbortedError } from './watermark';

interface Command {
  mode: 'once' | 'full' | 'watch' | 'check' | 'forget';
  batchSize: number;
  communities: boolean;
  forget?: string;
}

function parseCommand(argv: string[], config: ServerConfig): Command {
  const { values } = parseArgs({
    args: argv,
    options: {
      full: { type: 'boolean', default: false },
      watch: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      forget: { type: 'string' },
      'batch-size': { type: 'string' },
      'skip-communities': { type: 'boolean', default: false },
    },
  });
  const modes = (['full', 'watch', 'check', 'forget'] as const).filter((m) => values[m] !== undefined && values[m] !== false);
  if (modes.length > 1) throw new Error(`choose one of --${modes.join(', --')}`);
  const batchSize = values['batch-size'] === undefined ? config.syncBatchSize : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size takes a whole number above 0');
  return { mode: modes[0] ?? 'once', batchSize, communities: !values['skip-communities'], forget: values.forget };
}

/** SIGINT/SIGTERM abort the work in progress: the current batch finishes, nothing new starts. */
function stopOnSignals(logger: Logger): AbortController {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'stopping after the current batch');
      controller.abort();
    });
  }
  return controller;
}

async function runCheck(deps: SyncDeps): Promise<number> {
  const check = await checkGold(deps);
  const rows = Object.keys(check.silver).map((key) => {
    const k = key as keyof typeof check.silver;
    return `${k.padEnd(14)} ${String(check.silver[k]).padStart(20)} ${String(check.gold[k]).padStart(20)}${check.differences.includes(k) ? '  <- differs' : ''}`;
  });
  process.stdout.write(`${'field'.padEnd(14)} ${'silver'.padStart(20)} ${'gold'.padStart(20)}\n${rows.join('\n')}\n`);
  if (check.equal) deps.logger.info({ differences: [] }, 'gold matches silver');
  else
    deps.logger.error(
      { differences: check.differences },
      'gold differs from silver: run `npm run sync`, or `npm run sync -- --full` to rebuild',
    );
  return check.equal ? 0 : 1;
}

/** The daemon: the watch loop plus its health server, torn down in order on SIGTERM. */
async function runDaemon(command: Command, deps: SyncDeps, config: ServerConfig): Promise<number> {
  const name = config.syncInstanceName;
  const controller = stopOnSignals(deps.logger);
  // Readiness and lag have their own small clients with short timeouts: a busy sync pool or a hung server must not
  // make a probe wait, and a probe must not take a connection a run needs.
  const probePg = new Pool({
    connectionString: config.databaseUrl,
    max: 1,
    connectionTimeoutMillis: READY_CHECK_TIMEOUT_MS,
    query_timeout: READY_CHECK_TIMEOUT_MS,
    application_name: 'songnodes-sync-health',
  });
  probePg.on('error', (error) => deps.logger.warn({ err: error }, 'idle health-check connection lost'));
  const probeNeo4j = neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    connectionTimeout: READY_CHECK_TIMEOUT_MS,
    maxConnectionPoolSize: 2,
    maxTransactionRetryTime: 0,
    disableLosslessIntegers: true,
  });
  const metrics = createSyncMetrics(name, probePg, deps.logger);
  const health = await startHealthServer({
    port: config.healthPort,
    host: config.healthHost,
    registry: metrics.registry,
    checks: { postgres: () => checkPostgres(probePg), neo4j: () => checkNeo4j(probeNeo4j) },
    logger: deps.logger,
    isRunning: () => !controller.signal.aborted,
  });
  deps.logger.info({ url: health.url, sync: name, paths: ['/healthz', '/readyz', '/metrics'] }, 'health server listening');
  try {
    await watchSilver(deps, {
      name,
      batchSize: command.batchSize,
      writers: config.syncFullWriters,
      intervalSeconds: config.syncIntervalSeconds,
      debounceMs: config.syncDebounceMs,
      communitiesDelaySeconds: config.syncCommunitiesDelaySeconds,
      instanceTtlSeconds: config.syncInstanceTtlHours * 3600,
      signal: controller.signal,
      observer: metrics,
    });
    return 0;
  } finally {
    await health.close();
    await Promise.allSettled([probePg.end(), probeNeo4j.close()]);
  }
}

async function runOnce(command: Command, deps: SyncDeps, config: ServerConfig): Promise<number> {
  const controller = stopOnSignals(deps.logger);
  const name = config.syncInstanceName;
  const summary = await runSync(deps, {
    name,
    full: command.mode === 'full',
    batchSize: command.batchSize,
    writers: config.syncFullWriters,
    instanceTtlSeconds: config.syncInstanceTtlHours * 3600,
    signal: controller.signal,
  });
  deps.logger.info({ ...summary, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, 'sync finished');
  if (command.communities && (summary.batches > 0 || summary.mode === 'full')) {
    deps.logger.info(await runCommunityJob(deps, { name, signal: controller.signal }), 'communities stored');
  }
  return 0;
}

async function runCommand(command: Command, deps: SyncDeps, config: ServerConfig): Promise<number> {
  if (command.mode === 'check') return runCheck(deps);
  if (command.mode === 'forget') {
    const forgotten = await forgetInstance(deps.pg, command.forget!);
    deps.logger.info({ sync: command.forget, forgotten }, forgotten ? 'gold instance forgotten' : 'no such gold instance');
    return 0;
  }
  if (command.mode === 'watch') return runDaemon(command, deps, config);
  return runOnce(command, deps, config);
}

async function main(): Promise<number> {
  const config = loadServerConfig();
  const command = parseCommand(process.argv.slice(2), config);
  const uris = parseGoldUris(config.neo4jUri);
  if (uris.length !== 1) {
    throw new Error(`a sync feeds one gold instance: NEO4J_URI lists ${uris.length}; run one sync per instance`);
  }
  const logger: Logger = createLogger(config.logLevel, { component: 'sync' });
  const deps: SyncDeps = {
    // Long statements are normal here (a cursor over a million edges); the API's 10 s limit is not.
    pg: createPostgresPool({
      connectionString: config.databaseUrl,
      max: 4,
      statementTimeoutMs: 600_000,
      applicationName: 'songnodes-sync',
    }),
    neo4j: createNeo4jDriver({ uri: uris[0]!, user: config.neo4jUser, password: config.neo4jPassword, maxConnectionPoolSize: 4 }),
    logger,
  };
  // An idle pooled connection dropped by the server (a PostgreSQL restart) must not kill a --watch daemon: the pool
  // opens a new one when next needed, and the LISTEN connection reconnects on its own (listen.ts).
  deps.pg.on('error', (error) => logger.warn({ err: error }, 'idle PostgreSQL connection lost'));
  try {
    return await runCommand(command, deps, config);
  } catch (error) {
    if (error instanceof SyncAbortedError) {
      logger.warn({ err: error }, 'sync stopped before it finished; the watermark did not move: run `npm run sync` again to resume');
      return 1;
    }
    logger.fatal(
      { err: error },
      'sync failed; gold keeps every batch committed so far and the watermark did not move: run `npm run sync` again to resume',
    );
    return 1;
  } finally {
    await Promise.allSettled([deps.pg.end(), deps.neo4j.close()]);
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`songnodes-sync: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
