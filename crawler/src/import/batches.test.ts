import { FIRST_BATCH_SIZE, rampedBatches } from './batches';

describe('rampedBatches', () => {
  const items = Array.from({ length: 1000 }, (_, i) => i);

  it('ramps up from a small first batch by doubling, then keeps the batch size', () => {
    expect(rampedBatches(items, 250).map((b) => b.length)).toEqual([25, 50, 100, 200, 250, 250, 125]);
  });

  it('keeps every item once, in order', () => {
    expect(rampedBatches(items, 97).flat()).toEqual(items);
  });

  it('never exceeds the batch size, even below the first batch size', () => {
    expect(rampedBatches(items.slice(0, 7), 3).map((b) => b.length)).toEqual([3, 3, 1]);
    expect(rampedBatches(items.slice(0, 40), FIRST_BATCH_SIZE * 4).map((b) => b.length)).toEqual([25, 15]);
  });

  it('gives no batch for no items', () => {
    expect(rampedBatches([], 250)).toEqual([]);
  });
});
