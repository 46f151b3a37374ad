import { describe, expect, it } from 'vitest';
import { FrameStats, summariseDurations } from './frame-stats';

describe('FrameStats', () => {
  it('keeps the newest durations in order and clears on drain', () => {
    const stats = new FrameStats(3);
    for (const ms of [1, 2, 3, 4, 5]) stats.record(ms);
    expect(stats.drain()).toEqual([3, 4, 5]);
    expect(stats.drain()).toEqual([]);
    expect(stats.frames).toBe(5);
  });

  it('summarises median and p95 by nearest rank', () => {
    const sample = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summariseDurations(sample)).toEqual({ median: 50, p95: 95, max: 100, count: 100 });
    expect(summariseDurations([])).toBeNull();
  });
});
