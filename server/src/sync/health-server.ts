// The sync daemon's small HTTP server: /healthz (the process is up), /readyz (PostgreSQL and this instance's gold
// answer, each within its own short timeout, no managed retries) and /metrics (Prometheus). Loopback by default.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import type { Logger } from '../logger';
import type { Registry } from 'prom-client';

/** Each readiness check gives up after this: well under a 2 s probe, and a hung database reads as "not ready". */
export const READY_CHECK_TIMEOUT_MS = 1500;

/** What /readyz reports for one dependency. */
export interface CheckResult {
  ok: boolean;
  /** why not: "timed out after 1500 ms" for a hung server, the driver's message for a refused one */
  error?: string;
}

async function timed(check: () => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `timed out after ${timeoutMs} ms` }), timeoutMs);
  });
  const run = check().then(
    (): CheckResult => ({ ok: true }),
    (error: unknown): CheckResult => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}

/** PostgreSQL answers `SELECT 1` (through `pool`, whose connect and query timeouts are short). */
export const checkPostgres = (pool: Pool, timeoutMs = READY_CHECK_TIMEOUT_MS) => timed(() => pool.query('SELECT 1'), timeoutMs);

/** Neo4j answers `RETURN 1` in an auto-commit transaction: no managed retries, unlike executeQuery. */
export function checkNeo4j(driver: Driver, timeoutMs = READY_CHECK_TIMEOUT_MS): Promise<CheckResult> {
  return timed(async () => {
    const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1', {}, { timeout: timeoutMs });
    } finally {
      // Not awaited: closing a session on a hung server waits as long as the server does.
      session.close().catch(() => undefined);
    }
  }, timeoutMs);
}

export interface HealthServerOptions {
  port: number;
  host: string;
  registry: Registry;
  /** run on every /readyz */
  checks: Record<string, () => Promise<CheckResult>>;
  logger: Logger;
  /** false once the process is stopping: /healthz and /readyz then answer 503 */
  isRunning: () => boolean;
}

export interface HealthServer {
  url: string;
  close(): Promise<void>;
}

export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, { error: 'GET only' });
    if (path === '/healthz') return reply(options.isRunning() ? 200 : 503, { ok: options.isRunning() });
    if (path === '/readyz') {
      const names = Object.keys(options.checks);
      void Promise.all(names.map((name) => options.checks[name]!())).then((results) => {
        const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
        const ok = options.isRunning() && results.every((r) => r.ok);
        reply(ok ? 200 : 503, { ok, ...checks });
      });
      return;
    }
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': options.registry.contentType }).end(text),
        (error: unknown) => {
          options.logger.warn({ err: error }, 'could not collect metrics');
          reply(500, { error: 'could not collect metrics' });
        },
      );
      return;
    }
    reply(404, { error: 'not found: try /healthz, /readyz or /metrics' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
