// bench/scale's read load: `connections` clients, each asking the next question as soon as its answer arrived, over
// kept-alive HTTP/1.1 connections to the proxy. A request counts as ok only with status 200 and a GraphQL answer
// without errors (a refusal or an UNAVAILABLE inside a 200 is a failure too). Runs in the bench's own process, so it
// shares the machine's two cores with everything it measures.
import { Agent, request } from 'node:http';

function post(url, body, agent, timeoutMs) {
  return new Promise((resolve) => {
    const target = new URL(url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        timeout: timeoutMs,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('aborted', () => resolve({ error: 'socket:aborted' }));
        res.on('error', (error) => resolve({ error: `socket:${error.code ?? error.message}` }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error) => resolve({ error: `socket:${error.code ?? error.message}` }));
    req.end(body);
  });
}

/** Classifies one answer: null when it is a good GraphQL answer, else the failure's name. */
export function failureOf(answer) {
  if (answer.error) return answer.error;
  if (answer.status !== 200) return `http:${answer.status}`;
  try {
    const json = JSON.parse(answer.text);
    if (json.errors?.length) return `graphql:${json.errors[0].extensions?.code ?? 'error'}`;
    if (!json.data) return 'graphql:no-data';
    return null;
  } catch {
    return 'bad-json';
  }
}

/**
 * Runs the load for `seconds`; `body()` gives each request's JSON text. `during`: optional `{ atMs, action }` run
 * once at `atMs` (e.g. killing a process); its time is returned as `eventAt`. Resolves { records, seconds, eventAt }.
 */
export async function runLoad({ url, connections, seconds, body, during = null, timeoutMs = 15_000 }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const records = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  let eventAt = null;
  let actionError = null;
  const timer = during
    ? setTimeout(() => {
        eventAt = performance.now() - started;
        Promise.resolve()
          .then(during.action)
          .catch((error) => (actionError = error));
      }, during.atMs)
    : null;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const sent = performance.now();
        const answer = await post(url, body(), agent, timeoutMs);
        const now = performance.now();
        const error = failureOf(answer);
        records.push({ at: now - started, ms: now - sent, ok: error === null, ...(error ? { error } : {}) });
      }
    }),
  );
  clearTimeout(timer);
  agent.destroy();
  if (actionError) throw actionError;
  return { records, seconds: (performance.now() - started) / 1000, eventAt };
}
