// Running the real `crawl import` CLI as its own process, timed, with its peak memory (GNU time's %M).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const CRAWLER_MAIN = join(REPO_ROOT, 'crawler', 'dist', 'main.js');
const GNU_TIME = '/usr/bin/time';

/** The database a benchmark owns: <DATABASE_URL's database>_<suffix>, or songnodes_<suffix> on the local stack. */
export function benchDatabaseUrl(suffix) {
  const url = new URL(process.env.DATABASE_URL || 'postgres://songnodes:songnodes@127.0.0.1:54329/songnodes');
  url.pathname = `/${url.pathname.slice(1)}_${suffix}`;
  return url.toString();
}

/**
 * `node crawler/dist/main.js import <paths>` against `databaseUrl`; resolves with wall seconds, peak RSS (MB, when
 * GNU time is there), exit code and stdout (the summary).
 */
export async function runImportCli(databaseUrl, paths, extraArgs = []) {
  const args = [CRAWLER_MAIN, 'import', ...paths, ...extraArgs];
  const withTime = existsSync(GNU_TIME);
  const command = withTime ? GNU_TIME : process.execPath;
  const argv = withTime ? ['-f', 'maxrss_kb=%M', process.execPath, ...args] : args;
  const started = process.hrtime.bigint();
  const child = spawn(command, argv, {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const code = await new Promise((resolve) => child.once('close', resolve));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /maxrss_kb=(\d+)/.exec(stderr);
  if (code !== 0) throw new Error(`import exited ${code}: ${stderr.slice(-2000)}`);
  return { seconds, maxRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null, stdout };
}
