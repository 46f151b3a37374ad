/**
 * The replay server: one HTTP origin per source on 127.0.0.1, each with its own /robots.txt, answering from stored
 * pages so crawler tests never touch the internet. Usable by hand through `runReplayCli`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTracklists1001Origin } from './1001tracklists-origin';
import { FaultPlan, sendReply } from './faults';
import { createMixesdbOrigin } from './mixesdb-origin';
import { MixesdbPageStore } from './mixesdb-pages';
import { DEFAULT_ROBOTS_TXT, statusLine, textReply, type Origin, type OriginRequest, type Reply } from './reply';
import { createSetlistfmOrigin } from './setlistfm-origin';
import { REPLAY_SOURCES, type RecordedRequest, type ReplayServer, type ReplayServerOptions, type ReplaySource } from './types';

const HOST = '127.0.0.1';

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The reply before faults: robots.txt and method checks are common to every origin, the rest is the source's. */
function answer(origin: Origin, robotsTxt: string, request: OriginRequest): Reply {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const reply = textReply(405, statusLine(405));
    reply.headers.allow = 'GET, HEAD';
    return reply;
  }
  if (request.path === '/robots.txt') return textReply(200, robotsTxt);
  return origin(request);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // close() alone waits for open requests, and a 'hang' fault never finishes one: cut every connection.
    server.closeAllConnections();
  });
}

/**
 * Starts the three origins (port 0 each unless `options.ports` says otherwise) and resolves once all listen.
 * @throws TypeError when `options.setlistfm.setlists` holds something that is not a setlist
 */
export async function startReplayServer(options: ReplayServerOptions = {}): Promise<ReplayServer> {
  const pageStore = new MixesdbPageStore(options.mixesdb?.pages);
  const origins: Record<ReplaySource, Origin> = {
    mixesdb: createMixesdbOrigin(pageStore),
    '1001tracklists': createTracklists1001Origin(options.tracklists1001?.pages ?? new Map(), options.tracklists1001?.search),
    setlistfm: createSetlistfmOrigin(options.setlistfm?.setlists ?? [], options.setlistfm?.apiKey),
  };
  const faults = new FaultPlan(options.faults);
  const requests: RecordedRequest[] = [];

  const handle = (source: ReplaySource, req: IncomingMessage, res: ServerResponse): void => {
    const at = Date.now();
    const target = req.url ?? '/';
    // Split by hand rather than with `new URL`, which would resolve "/a/../b" and hide what the client really sent.
    const queryStart = target.indexOf('?');
    const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
    const request: OriginRequest = {
      method: req.method ?? 'GET',
      path: queryStart === -1 ? target : target.slice(0, queryStart),
      query,
      headers: flattenHeaders(req),
    };
    const record: RecordedRequest = {
      source,
      method: request.method,
      path: request.path,
      query: Object.fromEntries(query),
      headers: request.headers,
      at,
      status: 0,
    };
    requests.push(record);
    const fault = faults.take(source, target);
    if (fault !== null) record.fault = fault.kind;
    let reply: Reply;
    try {
      reply = answer(origins[source], options.robots?.[source] ?? DEFAULT_ROBOTS_TXT, request);
    } catch (error) {
      // A bug in the replay must show up as a 500 the test can see, not as a crashed test process.
      reply = textReply(500, `replay server error: ${error instanceof Error ? error.message : String(error)}`);
    }
    record.status = sendReply(res, reply, fault, request.method === 'HEAD');
  };

  const servers = REPLAY_SOURCES.map((source) => createServer((req, res) => handle(source, req, res)));
  // allSettled, not all: when one fixed port is taken, the others must have finished listening before we close them.
  const listening = await Promise.allSettled(REPLAY_SOURCES.map((source, i) => listen(servers[i]!, options.ports?.[source] ?? 0)));
  const failure = listening.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure !== undefined) {
    await Promise.all(servers.map(closeServer));
    throw failure.reason;
  }
  const urls = Object.fromEntries(
    REPLAY_SOURCES.map((source, i) => {
      const result = listening[i] as PromiseFulfilledResult<number>;
      return [source, `http://${HOST}:${result.value}`];
    }),
  );

  return {
    urls: urls as Record<ReplaySource, string>,
    requests,
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setMixesdbPage: (title, wikitext) => void pageStore.set(title, wikitext),
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
