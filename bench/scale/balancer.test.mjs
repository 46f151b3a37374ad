// node --test bench/scale: the proxy's choice of backend and its retry rule (no processes, no network).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBalancer, retryable } from './balancer.mjs';

test('round robin visits every backend in turn', () => {
  const b = createBalancer(['a', 'b', 'c']);
  const picks = Array.from({ length: 7 }, () => b.backends[b.pick(0)]);
  assert.deepEqual(picks, ['a', 'b', 'c', 'a', 'b', 'c', 'a']);
});

test('a failed backend is skipped while it is down, and tried again after downMs', () => {
  const b = createBalancer(['a', 'b', 'c'], { downMs: 1000 });
  b.fail(1, 100);
  const during = Array.from({ length: 4 }, () => b.backends[b.pick(500)]);
  assert.deepEqual(during, ['a', 'c', 'a', 'c']);
  const after = Array.from({ length: 3 }, () => b.backends[b.pick(1100)]);
  assert.deepEqual([...after].sort(), ['a', 'b', 'c']);
});

test('ok() brings a backend back at once', () => {
  const b = createBalancer(['a', 'b'], { downMs: 60_000 });
  b.fail(0, 0);
  assert.equal(b.isDown(0, 1), true);
  b.ok(0);
  assert.equal(b.isDown(0, 1), false);
});

test('when every backend is down the next one is tried anyway, and excluded ones never', () => {
  const b = createBalancer(['a', 'b', 'c'], { downMs: 1000 });
  for (const i of [0, 1, 2]) b.fail(i, 0);
  assert.notEqual(b.pick(10), -1);
  assert.equal(b.pick(10, new Set([0, 1, 2])), -1);
  assert.equal(b.backends[b.pick(10, new Set([0, 2]))], 'b');
});

test('a retry after a refused connection goes to another backend, not the failed one', () => {
  const b = createBalancer(['a', 'b', 'c']);
  const first = b.pick(0);
  b.fail(first, 0);
  const second = b.pick(0, new Set([first]));
  assert.notEqual(second, first);
  assert.notEqual(second, -1);
});

test('set() replaces the backends and forgets who was down', () => {
  const b = createBalancer(['a', 'b']);
  b.fail(0, 0);
  b.set(['x']);
  assert.deepEqual(b.backends, ['x']);
  assert.equal(b.backends[b.pick(1)], 'x');
  assert.throws(() => createBalancer([]).pick(0), /no backend/);
});

test('only a request that never reached the backend is retried', () => {
  assert.equal(retryable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })), true);
  assert.equal(retryable(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), false);
  assert.equal(retryable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), { responseStarted: true }), false);
  assert.equal(retryable(undefined), false);
});
