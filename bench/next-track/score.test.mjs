// node --test bench/next-track/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrapDifference, dateSplit, METRICS, pairsOf, randomSplit, rankOf, scorePairs, summarise } from './score.mjs';

test('rank of the next track within the first k suggestions', () => {
  assert.equal(rankOf([5, 7, 9], 7), 2);
  assert.equal(rankOf([5, 7, 9], 9, 2), null);
  assert.equal(rankOf([], 1), null);
});

test('hit@k and MRR over pairs, a missed pair counting 0', () => {
  const ranks = scorePairs(
    [
      { from: 1, to: 2 },
      { from: 1, to: 3 },
      { from: 4, to: 5 },
      { from: 6, to: 7 },
    ],
    (from) => ({ 1: [2, 8, 3], 4: [9, 9, 9, 9, 9, 5], 6: null })[from],
  );
  assert.deepEqual(ranks, [1, 3, 6, null]);
  const s = summarise(ranks);
  assert.equal(s.pairs, 4);
  assert.equal(s['hit@1'], 0.25);
  assert.equal(s['hit@5'], 0.5);
  assert.equal(s['hit@10'], 0.75);
  assert.equal(s.mrr, (1 + 1 / 3 + 1 / 6) / 4);
  assert.deepEqual(summarise([]), { pairs: 0, 'hit@1': 0, 'hit@5': 0, 'hit@10': 0, mrr: 0 });
});

test('paired bootstrap: the interval holds the observed difference and excludes 0 for a clear win', () => {
  const better = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1 : null));
  const worse = Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 1 : null));
  const ci = bootstrapDifference(better, worse, METRICS['hit@10'], { rounds: 500, seed: 1 });
  assert.ok(Math.abs(ci.difference - 0.4) < 1e-9);
  assert.ok(ci.low > 0 && ci.low <= ci.difference && ci.difference <= ci.high);
  const same = bootstrapDifference(better, better, METRICS.mrr, { rounds: 100 });
  assert.deepEqual([same.difference, same.low, same.high], [0, 0, 0]);
  assert.throws(() => bootstrapDifference([1], [], METRICS.mrr));
});

test('test pairs follow the transition rule: same part, next position, both identified, not the same track', () => {
  const rows = [
    { partIndex: 0, position: 1, key: 'a' },
    { partIndex: 0, position: 2, key: 'b' },
    { partIndex: 0, position: 3, key: null },
    { partIndex: 0, position: 4, key: 'c' },
    { partIndex: 0, position: 5, key: 'c' },
    { partIndex: 1, position: 1, key: 'd' },
    { partIndex: 1, position: 2, key: 'e' },
  ];
  assert.deepEqual(pairsOf(rows), [
    { from: 'a', to: 'b' },
    { from: 'd', to: 'e' },
  ]);
});

test('splits: seeded random split is stable and complete; a date split puts undated setlists in train', () => {
  const ids = Array.from({ length: 50 }, (_, i) => `s${i}`);
  const one = randomSplit(ids, { seed: 42, testShare: 0.2 });
  const two = randomSplit([...ids].reverse(), { seed: 42, testShare: 0.2 });
  assert.equal(one.test.size, 10);
  assert.equal(one.train.size, 40);
  assert.deepEqual([...one.test].sort(), [...two.test].sort());
  const byDate = dateSplit(
    [
      { id: 'x', date: '2001-01-01' },
      { id: 'y', date: '2008-05-01' },
      { id: 'z', date: null },
    ],
    '2007-01-01',
  );
  assert.deepEqual([[...byDate.train].sort(), [...byDate.test]], [['x', 'z'], ['y']]);
});
