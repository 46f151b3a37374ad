// Scoring a next-track ranking: for each test pair A -> B, the rank of B in the list suggested after A.
import { createRandom } from '../generate/random.mjs';

/** 1-based rank of `wanted` in `ranked` (first k only), or null. */
export function rankOf(ranked, wanted, k = ranked.length) {
  const index = ranked.slice(0, k).indexOf(wanted);
  return index < 0 ? null : index + 1;
}

/** Per-pair outcomes of one ranking: rank (null = missed) for every pair. */
export function scorePairs(pairs, rankedFor, k = 10) {
  return pairs.map((pair) => rankOf(rankedFor(pair.from) ?? [], pair.to, k));
}

/** hit@k and MRR over per-pair ranks (a missed pair counts 0 for both; MRR is cut at the list length). */
export function summarise(ranks, ks = [1, 5, 10]) {
  const n = ranks.length;
  const hits = Object.fromEntries(ks.map((k) => [`hit@${k}`, n === 0 ? 0 : ranks.filter((r) => r !== null && r <= k).length / n]));
  const mrr = n === 0 ? 0 : ranks.reduce((sum, r) => sum + (r === null ? 0 : 1 / r), 0) / n;
  return { pairs: n, ...hits, mrr };
}

const reciprocal = (r) => (r === null ? 0 : 1 / r);
const hitAt = (k) => (r) => (r !== null && r <= k ? 1 : 0);

/**
 * Paired bootstrap over test pairs: resample pairs with replacement `rounds` times and take the 2.5 / 97.5 %
 * quantiles of the difference (a − b) of a per-pair metric. Seeded, so the same run gives the same interval.
 */
export function bootstrapDifference(ranksA, ranksB, metric, { rounds = 1000, seed = 7 } = {}) {
  if (ranksA.length !== ranksB.length) throw new Error('paired bootstrap needs the same pairs on both sides');
  const n = ranksA.length;
  const a = ranksA.map(metric);
  const b = ranksB.map(metric);
  const mean = (xs) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
  const observed = mean(a) - mean(b);
  if (n === 0) return { difference: 0, low: 0, high: 0 };
  const random = createRandom(seed);
  const diffs = [];
  for (let round = 0; round < rounds; round++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random.next() * n);
      sum += a[j] - b[j];
    }
    diffs.push(sum / n);
  }
  diffs.sort((x, y) => x - y);
  const at = (q) => diffs[Math.min(rounds - 1, Math.max(0, Math.floor(q * rounds)))];
  return { difference: observed, low: at(0.025), high: at(0.975) };
}

export const METRICS = { mrr: reciprocal, 'hit@10': hitAt(10), 'hit@1': hitAt(1), 'hit@5': hitAt(5) };

/**
 * The test pairs of a setlist: B right after A in the same part, both identified, A ≠ B — the transition rule of
 * silver (docs: README "Data rules"). `rows` are refined rows: { partIndex, position, key } with key null for a
 * row that breaks the chain.
 */
export function pairsOf(rows) {
  const pairs = [];
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (a.partIndex !== b.partIndex || b.position !== a.position + 1) continue;
    if (a.key === null || b.key === null || a.key === b.key) continue;
    pairs.push({ from: a.key, to: b.key });
  }
  return pairs;
}

/** A seeded split of setlists into train and test; `testShare` of them (rounded) are test. */
export function randomSplit(ids, { seed, testShare }) {
  const random = createRandom(seed);
  const shuffled = [...ids].sort();
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const testCount = Math.round(shuffled.length * testShare);
  return { test: new Set(shuffled.slice(0, testCount)), train: new Set(shuffled.slice(testCount)) };
}

/** Split by date: setlists on or after `cutoff` are test; undated ones train. */
export function dateSplit(setlists, cutoff) {
  const test = new Set(setlists.filter((s) => s.date !== null && s.date >= cutoff).map((s) => s.id));
  return { test, train: new Set(setlists.filter((s) => !test.has(s.id)).map((s) => s.id)) };
}
