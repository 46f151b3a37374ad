/** The first batch of a file: small, so the database gets work while the parser is still on the next one. */
export const FIRST_BATCH_SIZE = 25;

/**
 * Splits a file's entries into batches of `size`, the first ones ramping up from FIRST_BATCH_SIZE by doubling.
 * Batch i + 1 is parsed while batch i is in the database, so only the first batch's parse is not overlapped:
 * with 250 Essential Mix pages in it that was about 0.6 s of a 5 s import (node --cpu-prof; README "bench/import").
 * Each batch then takes about twice the entries its predecessor took, which the parser keeps up with (it parses a
 * page in about a third of the time the database stores it).
 */
export function rampedBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  let next = Math.min(size, FIRST_BATCH_SIZE);
  for (let i = 0; i < items.length; ) {
    batches.push(items.slice(i, i + next));
    i += next;
    next = Math.min(size, next * 2);
  }
  return batches;
}
