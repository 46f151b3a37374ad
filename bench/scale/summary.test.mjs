// node --test bench/scale: summaries of load runs, the crawl's exactly-once verdict and load answers' classification.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failureOf } from './load.mjs';
import { exactlyOnce, quantile, summariseLoad } from './summary.mjs';

test('quantile takes the nearest rank and is null for no values', () => {
  const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(quantile(sorted, 0.5), 50);
  assert.equal(quantile(sorted, 0.95), 95);
  assert.equal(quantile([7], 0.95), 7);
  assert.equal(quantile([], 0.5), null);
});

test('summariseLoad counts ok and failed, throughput of the ok ones, latency of the ok ones only', () => {
  const records = [
    { at: 100, ms: 10, ok: true },
    { at: 200, ms: 20, ok: true },
    { at: 300, ms: 9000, ok: false, error: 'http:502' },
    { at: 400, ms: 30, ok: true },
  ];
  const s = summariseLoad(records, { seconds: 2 });
  assert.equal(s.total, 4);
  assert.equal(s.ok, 3);
  assert.equal(s.failed, 1);
  assert.equal(s.rps, 1.5);
  assert.equal(s.p50, 20);
  assert.equal(s.p95, 30);
  assert.deepEqual(s.errors, { 'http:502': 1 });
  assert.equal(s.event, undefined);
});

test('summariseLoad splits around an event and says how long failures lasted', () => {
  const records = [
    { at: 500, ms: 5, ok: true },
    { at: 1200, ms: 400, ok: false, error: 'http:502' },
    { at: 1300, ms: 100, ok: false, error: 'http:502' },
    { at: 2000, ms: 5, ok: true },
    { at: 3900, ms: 5, ok: true },
  ];
  const s = summariseLoad(records, { seconds: 4, event: 1000 });
  assert.deepEqual(s.event, {
    at: 1,
    okBefore: 1,
    failedBefore: 0,
    okAfter: 2,
    failedAfter: 2,
    lastFailureAfter: 0.3,
    okInLastQuarter: 1,
    failures: [
      { sent: -0.2, ended: 0.2, error: 'http:502' },
      { sent: 0.2, ended: 0.3, error: 'http:502' },
    ],
  });
  assert.throws(() => summariseLoad(records, {}), /seconds/);
});

test('exactlyOnce holds only when every target was searched once and the workers claimed each once', () => {
  const targets = [
    { status: 'done', attempts: 1 },
    { status: 'done', attempts: 1 },
    { status: 'done', attempts: 1 },
  ];
  const ok = exactlyOnce(targets, [
    { worker: 'w0', targets: 2 },
    { worker: 'w1', targets: 1 },
    { worker: 'w2', targets: 0 },
  ]);
  assert.equal(ok.exactlyOnce, true);
  assert.deepEqual(ok.claimedByWorkers, { w0: 2, w1: 1, w2: 0 });
  const twice = exactlyOnce(
    [
      { status: 'done', attempts: 2 },
      { status: 'done', attempts: 0 },
      { status: 'done', attempts: 1 },
    ],
    [{ worker: 'w0', targets: 3 }],
  );
  assert.equal(twice.exactlyOnce, false);
  assert.equal(twice.searchedMoreThanOnce, 1);
  assert.equal(twice.neverSearched, 1);
  assert.equal(exactlyOnce(targets, [{ worker: 'w0', targets: 4 }]).exactlyOnce, false);
  assert.throws(() => exactlyOnce([], []), /no targets/);
});

test('failureOf: only a 200 with data and no errors is a success', () => {
  assert.equal(failureOf({ status: 200, text: '{"data":{"x":1}}' }), null);
  assert.equal(failureOf({ status: 200, text: '{"errors":[{"extensions":{"code":"RATE_LIMITED"}}],"data":null}' }), 'graphql:RATE_LIMITED');
  assert.equal(failureOf({ status: 502, text: 'backend failed' }), 'http:502');
  assert.equal(failureOf({ error: 'socket:ECONNRESET' }), 'socket:ECONNRESET');
  assert.equal(failureOf({ status: 200, text: 'not json' }), 'bad-json');
  assert.equal(failureOf({ status: 200, text: '{}' }), 'graphql:no-data');
});
