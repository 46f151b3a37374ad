/**
 * Command-line entry for running the replay server by hand, e.g. to point a crawl at stored pages:
 *
 *   replay --dir <path> [--port-base 8100] [--api-key KEY]
 *
 * Prints one "<source> <base URL>" line per origin. Stopping the server (signals, exit code) is the caller's job.
 */
import { parseArgs } from 'node:util';
import { loadReplayDir } from './load-replay-dir';
import { startReplayServer } from './server';
import { REPLAY_SOURCES, type ReplayServer, type ReplaySource } from './types';

/** The usage text, also carried by ReplayCliUsageError. */
export const REPLAY_CLI_USAGE = `usage: replay --dir <path> [--port-base <port>] [--api-key <key>]
  --dir        folder with mixesdb/*.wiki, 1001tracklists/**/*.html, setlistfm/*.json (see load-replay-dir.ts)
  --port-base  first of three fixed ports (mixesdb, 1001tracklists, setlistfm); default: any free ports
  --api-key    x-api-key the setlist.fm origin requires; default: none required`;

/** The arguments were wrong; the message ends with the usage text, ready to print. */
export class ReplayCliUsageError extends Error {
  override readonly name = 'ReplayCliUsageError';

  constructor(problem: string) {
    super(`${problem}\n${REPLAY_CLI_USAGE}`);
  }
}

interface CliOptions {
  dir: string;
  portBase?: number;
  apiKey?: string;
}

function readCliOptions(argv: readonly string[]): CliOptions {
  let values: { dir?: string; 'port-base'?: string; 'api-key'?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { dir: { type: 'string' }, 'port-base': { type: 'string' }, 'api-key': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ReplayCliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.dir === undefined || values.dir === '') throw new ReplayCliUsageError('--dir is required');
  const options: CliOptions = { dir: values.dir };
  if (values['port-base'] !== undefined) {
    const portBase = Number(values['port-base']);
    if (!Number.isInteger(portBase) || portBase < 1 || portBase > 65533) {
      throw new ReplayCliUsageError(`--port-base must be a port number (1-65533), got "${values['port-base']}"`);
    }
    options.portBase = portBase;
  }
  if (values['api-key'] !== undefined) options.apiKey = values['api-key'];
  return options;
}

/**
 * Starts the replay server from `argv` (the arguments after the script name), writes the three base URLs to
 * `out`, and returns the running server so the caller can close it.
 * @throws ReplayCliUsageError on bad arguments; file system errors when the folder cannot be read
 */
export async function runReplayCli(argv: readonly string[], out: NodeJS.WritableStream = process.stdout): Promise<ReplayServer> {
  const cli = readCliOptions(argv);
  const options = await loadReplayDir(cli.dir);
  if (cli.apiKey !== undefined) options.setlistfm = { setlists: options.setlistfm?.setlists ?? [], apiKey: cli.apiKey };
  if (cli.portBase !== undefined) {
    const base = cli.portBase;
    options.ports = Object.fromEntries(REPLAY_SOURCES.map((source, i) => [source, base + i])) as Record<ReplaySource, number>;
  }
  const server = await startReplayServer(options);
  for (const source of REPLAY_SOURCES) out.write(`${source.padEnd(15)} ${server.urls[source]}\n`);
  return server;
}
