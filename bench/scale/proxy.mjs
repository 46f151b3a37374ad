#!/usr/bin/env node
// bench/scale's load balancer: a small round-robin HTTP + WebSocket proxy on node:http, in a process of its own (as a
// real one would be), standing in for a Kubernetes Service in front of the API pods.
//
//   node bench/scale/proxy.mjs --port 18260 --control-port 18261 --backends http://127.0.0.1:18270,http://127.0.0.1:18271
//
// Prints one JSON line {"url", "control"} once listening. Each request goes to the next backend not marked down
// (balancer.mjs); a refused connection marks the backend down for a second and the request goes to the next one (it
// never reached the dead one); a request the backend took and did not answer is its in-flight loss: 502, counted,
// never repeated. WebSocket upgrades are piped through to the backend chosen the same way.
//
// Each incoming connection is given its own loopback source address (127.0.x.y) towards the backends: the API
// budgets work per client address, and the load generator's connections stand for separate clients. (A real proxy
// hands the API its own address for every client; see README, bench/scale.)
//
// Control (JSON): GET /stats, PUT /backends ["http://…", …], POST /reset, POST /kill {"backend", "pid"}: SIGKILLs the
// backend's process in the same tick as it reads how many requests that backend holds, so each request it loses
// afterwards is known to have been in flight at the kill (sent before it) or routed to the dead process before the
// proxy noticed (sent after it).
import { Agent, createServer, request } from 'node:http';
import { connect } from 'node:net';
import { parseArgs } from 'node:util';
import { createBalancer, retryable } from './balancer.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'control-port': { type: 'string', default: '0' },
    backends: { type: 'string', default: '' },
    'down-ms': { type: 'string', default: '1000' },
  },
});

const balancer = createBalancer(values.backends.split(',').filter(Boolean), { downMs: Number(values['down-ms']) });
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const stats = new Map();
const statsOf = (url) => {
  if (!stats.has(url)) stats.set(url, { requests: 0, ok: 0, lost: 0, retried: 0, inflight: 0, upgrades: 0 });
  return stats.get(url);
};

let connections = 0;
const clientAddress = new WeakMap();
/** 127.0.1.1, 127.0.1.2, … 127.0.1.250, 127.0.2.1, …: one per incoming connection. */
const addressFor = (socket) => {
  if (!clientAddress.has(socket)) {
    const n = connections++;
    clientAddress.set(socket, `127.0.${1 + (Math.floor(n / 250) % 250)}.${1 + (n % 250)}`);
  }
  return clientAddress.get(socket);
};

function forward(req, res, body, tried = new Set()) {
  const i = balancer.pick(Date.now(), tried);
  if (i < 0) return res.writeHead(502, { 'content-type': 'text/plain' }).end('no backend left');
  const backend = new URL(balancer.backends[i]);
  const s = statsOf(balancer.backends[i]);
  s.requests += 1;
  s.inflight += 1;
  let settled = false;
  let responseStarted = false;
  const sentAt = performance.now();
  const countLost = () => {
    s.lost += 1;
    if (s.killedAt === undefined) return;
    if (sentAt < s.killedAt) s.lostSentBeforeKill += 1;
    else s.lostSentAfterKill += 1;
  };
  const settle = () => {
    if (settled) return false;
    settled = true;
    s.inflight -= 1;
    return true;
  };
  const headers = { ...req.headers, host: backend.host, 'x-forwarded-for': req.socket.remoteAddress };
  const up = request({
    host: backend.hostname,
    port: backend.port,
    method: req.method,
    path: req.url,
    headers,
    agent,
    localAddress: addressFor(req.socket),
  });
  up.on('response', (answer) => {
    responseStarted = true;
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
    answer.on('end', () => {
      if (settle()) {
        s.ok += 1;
        balancer.ok(i);
      }
    });
    answer.on('aborted', () => {
      if (settle()) countLost();
      res.destroy();
    });
  });
  up.on('error', (error) => {
    if (!settle()) return;
    balancer.fail(i, Date.now());
    if (retryable(error, { responseStarted })) {
      s.retried += 1;
      return forward(req, res, body, new Set([...tried, i]));
    }
    countLost();
    if (res.headersSent) res.destroy();
    else res.writeHead(502, { 'content-type': 'text/plain' }).end(`backend failed: ${error.code ?? error.message}`);
  });
  up.end(body);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => forward(req, res, Buffer.concat(chunks)));
});
server.keepAliveTimeout = 30_000;

server.on('upgrade', (req, socket, head) => {
  const tried = new Set();
  const attempt = () => {
    const i = balancer.pick(Date.now(), tried);
    if (i < 0) return socket.destroy();
    const backend = new URL(balancer.backends[i]);
    const upstream = connect({ host: backend.hostname, port: Number(backend.port), localAddress: addressFor(socket) });
    upstream.once('error', (error) => {
      if (upstream.connecting || retryable(error)) {
        balancer.fail(i, Date.now());
        tried.add(i);
        return attempt();
      }
      socket.destroy();
    });
    upstream.once('connect', () => {
      statsOf(balancer.backends[i]).upgrades += 1;
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let k = 0; k < req.rawHeaders.length; k += 2) lines.push(`${req.rawHeaders[k]}: ${req.rawHeaders[k + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.removeAllListeners('error');
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
      upstream.pipe(socket).pipe(upstream);
    });
  };
  attempt();
});

const control = createServer((req, res) => {
  const reply = (value) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (req.method === 'GET' && req.url === '/stats') {
    return reply({ backends: balancer.backends, stats: Object.fromEntries(stats) });
  }
  if (req.method === 'POST' && req.url === '/reset') {
    stats.clear();
    return reply({ ok: true });
  }
  if (req.method === 'POST' && req.url === '/kill') {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const { backend, pid } = JSON.parse(text);
      const s = statsOf(backend);
      Object.assign(s, { killedAt: performance.now(), inflightAtKill: s.inflight, lostSentBeforeKill: 0, lostSentAfterKill: 0 });
      process.kill(pid, 'SIGKILL');
      reply(s);
    });
    return;
  }
  if (req.method === 'PUT' && req.url === '/backends') {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      balancer.set(JSON.parse(text));
      reply({ backends: balancer.backends });
    });
    return;
  }
  res.writeHead(404).end();
});

const listen = (s, port) => new Promise((resolve) => s.listen(Number(port), '127.0.0.1', () => resolve(s.address().port)));
const port = await listen(server, values.port);
const controlPort = await listen(control, values['control-port']);
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, control: `http://127.0.0.1:${controlPort}` })}\n`);
process.once('SIGTERM', () => process.exit(0));
