// `npm run sync [-- --full | --watch | --check] [--batch-size N]`: the silver -> gold sync's command line.
//   (no flag)  one incremental run; a full rebuild when no watermark is stored yet
//   --full     clear gold and reproject all of silver
//   --watch    keep running: on NOTIFY silver_changed and every SYNC_INTERVAL_SECONDS; stops on SIGINT/SIGTERM
//   --check    compare gold with silver (counts + checksums); exit code 1 when they differ
import { parseArgs } from 'node:util';
import { loadServerConfig, type ServerConfig } from '../config';
import { createNeo4jDriver } from '../db/neo4j';
import { createPostgresPool } from '../db/postgres';
import { createLogger, type Logger } from '../logger';
import { checkGold } from './check-gold';
import { runSync, type SyncDeps } from './run-sync';
import { watchSilver } from './watch';

interface Command {
  mode: 'once' | 'full' | 'watch' | 'check';
  batchSize: number;
}

function parseCommand(argv: string[], config: ServerConfig): Command {
  const { values } = parseArgs({
    args: argv,
    options: {
      full: { type: 'boolean', default: false },
      watch: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
    },
  });
  const modes = (['full', 'watch', 'check'] as const).filter((m) => values[m]);
  if (modes.length > 1) throw new Error(`choose one of --${modes.join(', --')}`);
  const batchSize = values['batch-size'] === undefined ? config.syncBatchSize : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size takes a whole number above 0');
  return { mode: modes[0] ?? 'once', batchSize };
}

async function runCommand(command: Command, deps: SyncDeps, config: ServerConfig): Promise<number> {
  if (command.mode === 'check') {
    const check = await checkGold(deps);
    const rows = Object.keys(check.silver).map((key) => {
      const k = key as keyof typeof check.silver;
      return `${k.padEnd(14)} ${String(check.silver[k]).padStart(20)} ${String(check.gold[k]).padStart(20)}${check.differences.includes(k) ? '  <- differs' : ''}`;
    });
    process.stdout.write(`${'field'.padEnd(14)} ${'silver'.padStart(20)} ${'gold'.padStart(20)}\n${rows.join('\n')}\n`);
    if (check.equal) deps.logger.info({ differences: [] }, 'gold matches silver');
    else deps.logger.error({ differences: check.differences }, 'gold differs from silver: run `npm run sync`, or `npm run sync -- --full` to rebuild');
    return check.equal ? 0 : 1;
  }
  if (command.mode === 'watch') {
    const controller = new AbortController();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        deps.logger.info({ signal }, 'stopping after the current run');
        controller.abort();
      });
    }
    await watchSilver(deps, {
      batchSize: command.batchSize,
      writers: config.syncFullWriters,
      intervalSeconds: config.syncIntervalSeconds,
      debounceMs: config.syncDebounceMs,
      signal: controller.signal,
    });
    return 0;
  }
  const summary = await runSync(deps, {
    full: command.mode === 'full',
    batchSize: command.batchSize,
    writers: config.syncFullWriters,
  });
  deps.logger.info({ ...summary, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, 'sync finished');
  return 0;
}

async function main(): Promise<number> {
  const config = loadServerConfig();
  const command = parseCommand(process.argv.slice(2), config);
  const logger: Logger = createLogger(config.logLevel, { component: 'sync' });
  const deps: SyncDeps = {
    // Long statements are normal here (a cursor over a million edges); the API's 10 s limit is not.
    pg: createPostgresPool({ connectionString: config.databaseUrl, max: 4, statementTimeoutMs: 600_000, applicationName: 'songnodes-sync' }),
    neo4j: createNeo4jDriver({ uri: config.neo4jUri, user: config.neo4jUser, password: config.neo4jPassword, maxConnectionPoolSize: 4 }),
    logger,
  };
  // An idle pooled connection dropped by the server (a PostgreSQL restart) must not kill a --watch daemon: the pool
  // opens a new one when next needed, and the LISTEN connection reconnects on its own (listen.ts).
  deps.pg.on('error', (error) => logger.warn({ err: error }, 'idle PostgreSQL connection lost'));
  try {
    return await runCommand(command, deps, config);
  } catch (error) {
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
