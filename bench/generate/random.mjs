// Seeded randomness for the synthetic dataset: the same seed and size always give the same silver rows, so a
// benchmark run can be repeated and a test can rely on the shape of a tiny dataset.

/** sfc32: small, fast, good enough statistical quality for synthetic data (not for anything secret). */
export function createRandom(seed) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return {
    /** uniform in [0, 1) */
    next,
    /** uniform integer in [min, max] */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** true with probability p */
    chance: (p) => next() < p,
    /** one element of a non-empty array */
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/** Mixes two integers into a 32-bit seed, so a derived stream (e.g. per track) stays stable on its own. */
export function deriveSeed(seed, salt) {
  let h = (seed ^ 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (salt >>> 0), 0xcc9e2d51) >>> 0;
  h = Math.imul((h << 15) | (h >>> 17), 0x1b873593) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/**
 * A sampler over `count` ranked items with Zipf-like weights 1 / (rank + 1)^exponent: rank 0 is the hit every DJ
 * plays, the long tail is played once or never, which is what real setlist data looks like.
 */
export function createZipfSampler(count, exponent) {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let rank = 0; rank < count; rank++) {
    total += 1 / (rank + 1) ** exponent;
    cumulative[rank] = total;
  }
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
