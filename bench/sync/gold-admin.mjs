// What the sync benchmark needs from the sync itself: its compiled CLI (server/dist, `npm run build -w server`),
// run as `npm run sync` would run it, and its clearGold to start a measurement from an empty graph.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = join(BENCH_DIR, '..', '..');
export const SYNC_ENTRY = join(REPO_ROOT, 'server', 'dist', 'sync', 'main.js');

/** The compiled sync module (CommonJS); fails with the command to run when the server was not built. */
export function loadSyncModule() {
  if (!existsSync(SYNC_ENTRY)) throw new Error('server/dist/sync is missing: run `npm run build -w server` first');
  return createRequire(import.meta.url)('@songnodes/server');
}

/** Empties gold (tracks with their edges and credits, then artists) in batches, untimed. */
export async function clearGoldGraph(driver, batchSize = 10_000) {
  const { clearGold } = loadSyncModule();
  const session = driver.session();
  try {
    return await clearGold(session, batchSize, async () => {});
  } finally {
    await session.close();
  }
}

/**
 * Starts the sync CLI with `args` and the bench environment; `lines` fills with its pino log lines. `exited`
 * resolves with the exit code and the wall time.
 */
export function startSyncCli(args, env) {
  const started = performance.now();
  const child = spawn(process.execPath, [SYNC_ENTRY, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = [];
  const listeners = new Set();
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    const complete = buffered.split('\n');
    buffered = complete.pop();
    for (const text of complete) {
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text);
      lines.push(line);
      for (const listener of listeners) listener(line);
    }
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve({ code, seconds: (performance.now() - started) / 1000 })));
  const waitForLog = (match) =>
    new Promise((resolve, reject) => {
      const seen = lines.find(match);
      if (seen) return resolve(seen);
      const listener = (line) => {
        if (!match(line)) return;
        listeners.delete(listener);
        resolve(line);
      };
      listeners.add(listener);
      exited.then(({ code }) => reject(new Error(`sync exited with code ${code} before the awaited log line`)));
    });
  return { child, lines, exited, waitForLog };
}

/** Runs the sync CLI to its end; rejects on a non-zero exit. */
export async function runSyncCli(args, env) {
  const run = startSyncCli(args, env);
  const { code, seconds } = await run.exited;
  if (code !== 0) throw new Error(`sync ${args.join(' ')} exited with code ${code}`);
  return { lines: run.lines, seconds };
}
