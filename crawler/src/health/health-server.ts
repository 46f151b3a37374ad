import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { describeError } from '../errors';

/** A check's answer: `ok` decides the status code (200 or 503); the rest is shown as JSON. */
export interface CheckResult {
  ok: boolean;
  [detail: string]: unknown;
}

export interface HealthServerOptions {
  host: string;
  /** 0 picks a free port */
  port: number;
  registry: Registry;
  /** /healthz: the process is up and its work loop has not died */
  live: () => CheckResult;
  /** /readyz: the process can do its work now */
  ready: () => Promise<CheckResult>;
  logger: Logger;
}

export interface HealthServer {
  /** e.g. http://127.0.0.1:9464 */
  url: string;
  close(): Promise<void>;
}

/** A small HTTP server for probes and Prometheus: GET /healthz, /readyz and /metrics, nothing else. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { registry, live, ready, logger } = options;
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { error: 'GET only' });
    const answer = async () => {
      if (path === '/healthz') {
        const result = live();
        return send(response, result.ok ? 200 : 503, result);
      }
      if (path === '/readyz') {
        const result = await ready();
        return send(response, result.ok ? 200 : 503, result);
      }
      if (path === '/metrics') {
        const body = await registry.metrics();
        response.writeHead(200, { 'content-type': registry.contentType });
        return void response.end(body);
      }
      send(response, 404, { error: 'not found: /healthz, /readyz and /metrics are served here' });
    };
    answer().catch((error: unknown) => {
      logger.error({ path, err: describeError(error) }, 'health server request failed');
      if (!response.headersSent) send(response, 500, { error: describeError(error) });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
