// bench/scale's processes: every child (APIs, syncs, workers, the replay server, the proxy) and every Neo4j started
// through scripts/stack.sh is registered here and killed when the bench exits — normally, on an error, or on
// Ctrl-C/SIGTERM. Logs go to <dir>/logs/<name>.log; the temporary directory is removed after a successful run and
// kept (its path printed) after a failed one. In image mode (startContainer) a process is a `podman run --rm`
// container, removed with `podman rm -f` on exit as well.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { podmanRunArgs } from './image.mjs';

export function createSupervisor({ root }) {
  const dir = mkdtempSync(join(tmpdir(), 'songnodes-scale-'));
  mkdirSync(join(dir, 'logs'));
  /** name -> pid of what is running and ours to kill */
  const running = new Map();
  /** name -> container name, for the processes that are containers */
  const containers = new Map();
  const everyContainer = new Set();
  /** container name -> host pid of its init */
  const containerPids = new Map();
  let succeeded = false;
  let started = 0;

  const killAll = () => {
    if (everyContainer.size)
      spawnSync('podman', ['rm', '--force', '--ignore', '--time', '0', ...everyContainer], { stdio: 'ignore', timeout: 60_000 });
    for (const [name, pid] of running) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      running.delete(name);
    }
  };
  process.on('exit', () => {
    killAll();
    if (succeeded) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`[scale] logs and data kept in ${dir}\n`);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

  /**
   * Starts `node <args>` (or `command` when given) with `env` on top of the bench's environment; stdout and stderr
   * go to the log, or stdout is piped when `pipeStdout`. Resolves the child.
   */
  function start(name, args, { env = {}, command = process.execPath, pipeStdout = false } = {}) {
    const log = openSync(join(dir, 'logs', `${name}.log`), 'a');
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', pipeStdout ? 'pipe' : log, log] });
    closeSync(log);
    running.set(name, child.pid);
    child.once('exit', () => {
      if (running.get(name) === child.pid) running.delete(name);
    });
    child.name = name;
    return child;
  }

  /**
   * Starts `podman run … image command args` (image.mjs podmanRunArgs) as a child named `name`: the child is the
   * podman client, attached, so it lives as long as the container and its output goes to the log.
   */
  function startContainer(name, { image, command, args = [], env = {}, runtimeArgs = [] }) {
    started += 1;
    const container = `songnodes-scale-${process.pid}-${name}-${started}`;
    everyContainer.add(container);
    const child = start(name, podmanRunArgs({ image, name: container, command, args, env, runtimeArgs }), { command: 'podman' });
    containers.set(name, container);
    child.container = container;
    return child;
  }

  /** The first line the child prints on stdout (it must print one), e.g. the proxy's JSON. */
  async function firstLine(child) {
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const exited = new Promise((_, reject) =>
      child.once('exit', (code) => reject(new Error(`${child.name} exited (${code}) before printing`))),
    );
    const { value } = await Promise.race([lines.next(), exited]);
    return value;
  }

  /**
   * A Neo4j through scripts/stack.sh (the project's own way to run one), in the temporary directory, on `boltPort`;
   * its java process is registered to be killed. Resolves { pid, uri }.
   */
  async function startNeo4j(name, boltPort, { heap = '512m', pagecache = '256m', neo4jCache } = {}) {
    const env = {
      SONGNODES_STACK: name,
      SONGNODES_STACK_DIR: join(dir, 'stack'),
      SONGNODES_NEO4J_PORT: String(boltPort),
      NEO4J_HEAP: heap,
      NEO4J_PAGECACHE: pagecache,
      ...(neo4jCache ? { SONGNODES_NEO4J_CACHE: neo4jCache } : {}),
      // PostgreSQL is the bench's own database: stack.sh must start nothing for it
      DATABASE_URL: process.env.DATABASE_URL || 'postgres://unused',
    };
    const childEnv = { ...process.env, ...env };
    delete childEnv.NEO4J_URI; // stack.sh starts nothing when it is set
    const log = openSync(join(dir, 'logs', `${name}.log`), 'a');
    const child = spawn('bash', [join(root, 'scripts/stack.sh'), 'up'], { cwd: root, env: childEnv, stdio: ['ignore', log, log] });
    closeSync(log);
    const code = await new Promise((resolve) => child.once('exit', resolve));
    const pidFile = join(dir, 'stack', `neo4j-${name}`, 'run', 'neo4j.pid');
    let pid = null;
    try {
      pid = Number(readFileSync(pidFile, 'utf8').trim());
    } catch {
      // not started
    }
    if (pid) running.set(name, pid);
    if (code !== 0) throw new Error(`Neo4j ${name} did not start (scripts/stack.sh exit ${code}); see ${join(dir, 'logs', `${name}.log`)}`);
    return { pid, uri: `bolt://127.0.0.1:${boltPort}` };
  }

  /** The pid of a registered process that is running; `forget` hands its killing to someone else (the proxy). */
  function pidOf(name, { forget = false } = {}) {
    let pid = running.get(name);
    if (!pid) throw new Error(`${name} is not running`);
    const container = containers.get(name);
    // a container: the host pid of its init (tini); SIGKILL to it ends every process of the container at once
    // (looked up once per container and kept: a caller may ask before a load so that the lookup does not stall it)
    if (container) {
      if (!containerPids.has(container))
        containerPids.set(
          container,
          Number(execFileSync('podman', ['inspect', '--format', '{{.State.Pid}}', container], { encoding: 'utf8' }).trim()),
        );
      pid = containerPids.get(container);
    }
    if (!(pid > 0)) throw new Error(`${name}: no pid for container ${container}`);
    if (forget) {
      running.delete(name);
      containers.delete(name);
    }
    return pid;
  }

  /** SIGKILLs one registered process now (no goodbye: a crash or a lost node). */
  function kill(name) {
    const pid = running.get(name);
    if (!pid) throw new Error(`${name} is not running`);
    process.kill(pid, 'SIGKILL');
    running.delete(name);
  }

  /** Stops one registered child with SIGTERM and waits for it (SIGKILL after `ms`). */
  async function stop(child, ms = 10_000) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.container) {
      // SIGTERM to the container's init, SIGKILL after `ms`; the attached client then exits and --rm removes it
      spawn('podman', ['stop', '--time', String(Math.ceil(ms / 1000)), child.container], { stdio: 'ignore' });
      await exited;
      return;
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    await exited;
    clearTimeout(timer);
  }

  return {
    dir,
    start,
    startContainer,
    firstLine,
    startNeo4j,
    pidOf,
    kill,
    stop,
    done: () => {
      succeeded = true;
    },
  };
}

/**
 * Throws, naming them, when any of `ports` is taken on 127.0.0.1: scripts/stack.sh would reuse a Neo4j it finds on
 * its port, and the bench must never write into someone else's server.
 */
export async function assertPortsFree(ports) {
  const taken = [];
  for (const port of ports) {
    const free = await new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (!free) taken.push(port);
  }
  if (taken.length)
    throw new Error(`port(s) ${taken.join(', ')} on 127.0.0.1 are taken: stop what holds them, or set SCALE_BOLT_PORTS / SCALE_PORT_BASE`);
}

/** Polls `check` (async, truthy when done) every `everyMs` until it is or `timeoutMs` passes. */
export async function waitFor(what, check, { timeoutMs = 120_000, everyMs = 250 } = {}) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
}

/** GET `url`; resolves { status, text } (never throws on a status). */
export async function get(url, timeoutMs = 3000) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, text: await res.text() };
}
