import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import ts from 'typescript';
import { serverRoot } from '../../src/paths';
import { repoRoot } from './run-script';

/**
 * Compiles src/sync/main.ts and what it imports (only that: other work in progress elsewhere in the server cannot
 * break it) into node_modules/.cache, inside the server package so src/paths.ts still finds package.json.
 * Returns the path of the compiled entry, which behaves as `npm run sync` does.
 */
export function compileSyncEntry(): string {
  const outDir = join(serverRoot, 'node_modules', '.cache', 'songnodes-sync-test');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(serverRoot, 'tsconfig.build.json'),
    { outDir, declaration: false, sourceMap: false, noEmit: false },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(String(d.messageText));
      },
    },
  );
  if (!parsed) throw new Error('could not read server/tsconfig.build.json');
  const emitted = ts.createProgram([join(serverRoot, 'src', 'sync', 'main.ts')], parsed.options).emit();
  if (emitted.emitSkipped) throw new Error('TypeScript emitted nothing for src/sync/main.ts');
  return join(outDir, 'sync', 'main.js');
}

/** A running sync process, with its pino log lines as they arrive. */
export interface SyncProcess {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  /** resolves with the first log line matching, or rejects when the process exits first */
  waitForLog(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the compiled sync entry with `args` against the test databases. */
export function startSyncProcess(entry: string, args: string[], env: NodeJS.ProcessEnv = {}): SyncProcess {
  const child = spawn(process.execPath, [entry, ...args], {
    // HEALTH_PORT 0: a --watch daemon's health server takes a free port (its URL is logged), never a fixed one.
    env: { ...process.env, LOG_LEVEL: 'info', HEALTH_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: { match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  let buffered = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const text of complete) {
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.match(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitForLog = (match: (line: Record<string, unknown>) => boolean) => {
    const seen = lines.find(match);
    if (seen) return Promise.resolve(seen);
    return Promise.race([
      new Promise<Record<string, unknown>>((resolve) => waiters.push({ match, resolve })),
      exited.then(({ code, signal }) => {
        throw new Error(`sync exited (code ${code}, signal ${signal}) before the awaited log line; stderr: ${stderr}`);
      }),
    ]);
  };
  return { child, lines, waitForLog, exited };
}

/** Runs the compiled sync entry to its end; returns its exit code and log lines. */
export async function runSyncProcess(entry: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = startSyncProcess(entry, args, env);
  const { code } = await run.exited;
  return { code, lines: run.lines };
}

/** Loads a synthetic dataset with bench/generate into the test database; returns the generator's summary. */
export function generateSyntheticSilver(size: string, namespace: string, seed = 7): Record<string, number> {
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'bench', 'generate', 'main.mjs'), '--size', size, '--namespace', namespace, '--seed', String(seed)],
    { env: { ...process.env }, encoding: 'utf8', timeout: 300_000 },
  );
  if (result.status !== 0) throw new Error(`bench/generate failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Record<string, number>;
}
