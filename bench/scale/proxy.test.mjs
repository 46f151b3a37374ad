// node --test bench/scale: the proxy process (proxy.mjs) in front of two local HTTP servers — round robin, a dead
// backend's requests going to the live one, the in-flight loss of a killed backend counted, WebSocket upgrades piped.
// Loopback only, about a second; no stack.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import WebSocket, { WebSocketServer } from 'ws';

const backends = [];
let proxy;
let child;

async function backend(name) {
  const server = createServer((req, res) => {
    if (req.url === '/hang' && name === 'b') return; // b never answers it: a request in flight when b dies
    res.end(JSON.stringify({ name, client: req.socket.remoteAddress }));
  });
  new WebSocketServer({ server }).on('connection', (socket) => socket.on('message', (m) => socket.send(`${name}:${m}`)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { name, server, url: `http://127.0.0.1:${server.address().port}` };
}

const ask = async (path = '/') => {
  const res = await fetch(`${proxy.url}${path}`);
  return { status: res.status, body: res.status === 200 ? await res.json() : await res.text() };
};
const stats = async () => (await (await fetch(`${proxy.control}/stats`)).json()).stats;

before(async () => {
  backends.push(await backend('a'), await backend('b'));
  child = spawn(process.execPath, [new URL('./proxy.mjs', import.meta.url).pathname, '--backends', backends.map((b) => b.url).join(',')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await createInterface({ input: child.stdout })
    [Symbol.asyncIterator]()
    .next()
    .then((r) => [r.value]);
  proxy = JSON.parse(line);
});

after(() => {
  child.kill('SIGKILL');
  for (const b of backends) b.server.close();
});

test('requests alternate between the backends, each client connection from its own loopback address', async () => {
  const names = [];
  for (let i = 0; i < 4; i += 1) names.push((await ask()).body.name);
  assert.deepEqual(names, ['a', 'b', 'a', 'b']);
  const { body } = await ask();
  assert.match(body.client, /^127\.0\.\d+\.\d+$/);
  assert.notEqual(body.client, '127.0.0.1');
});

test('a WebSocket upgrade is piped through to a backend', async () => {
  const socket = new WebSocket(`${proxy.url.replace('http', 'ws')}/graphql`);
  const reply = await new Promise((resolve, reject) => {
    socket.once('open', () => socket.send('ping'));
    socket.once('message', (m) => resolve(String(m)));
    socket.once('error', reject);
  });
  socket.close();
  assert.match(reply, /^[ab]:ping$/);
  const upgrades = Object.values(await stats()).reduce((sum, s) => sum + s.upgrades, 0);
  assert.equal(upgrades, 1);
});

test(
  'a request the backend took is lost with a 502 when it dies; afterwards every request goes to the live one',
  async () => {
    await fetch(`${proxy.control}/reset`, { method: 'POST' });
    // one of the two goes to b, which never answers it; then b dies with it in flight
    const hanging = [ask('/hang'), ask('/hang')];
    const b = backends[1];
    while (((await stats())[b.url]?.inflight ?? 0) < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    b.server.closeAllConnections();
    await new Promise((resolve) => b.server.close(resolve));
    const lost = await Promise.all(hanging);
    assert.deepEqual(lost.map((r) => r.status).sort(), [200, 502]); // a answered its one; the one b held is lost
    const names = [];
    for (let i = 0; i < 6; i += 1) {
      const r = await ask();
      assert.equal(r.status, 200);
      names.push(r.body.name);
    }
    assert.deepEqual([...new Set(names)], ['a']);
    const s = (await stats())[b.url];
    assert.equal(s.lost, 1);
  },
  { timeout: 10_000 },
);
