import { describe, expect, it } from 'vitest';
import { ForceLayout } from './force-layout';
import type { SyncMessage } from './layout-protocol';

function chain(ids: string[], xy: number[], version = 1, pinnedId: string | null = null): SyncMessage {
  const ends: number[] = [];
  for (let i = 1; i < ids.length; i += 1) ends.push(i - 1, i);
  return {
    type: 'sync',
    version,
    ids,
    xy: new Float32Array(xy),
    radii: new Float32Array(ids.length).fill(5),
    ends: new Uint32Array(ends),
    weights: new Float32Array(ids.length - 1).fill(2),
    pinnedId,
  };
}

describe('ForceLayout', () => {
  it('settles a small graph and keeps the pinned track still', () => {
    const layout = new ForceLayout();
    layout.sync(chain(['a', 'b', 'c'], [10, 10, 0, 0, 30, -5], 1, 'a'));
    while (!layout.settled) layout.step(50);
    const xy = layout.positions();
    expect([xy[0], xy[1]]).toEqual([10, 10]);
    expect(layout.ticks).toBeGreaterThan(10);
    expect(layout.ticks).toBeLessThan(400);
    const ab = Math.hypot(xy[2]! - xy[0]!, xy[3]! - xy[1]!);
    expect(ab).toBeGreaterThan(10);
    expect(ab).toBeLessThan(120);
  });

  it('keeps known tracks where it had them when the graph grows', () => {
    const layout = new ForceLayout();
    layout.sync(chain(['a', 'b'], [0, 0, 40, 0]));
    while (!layout.settled) layout.step(50);
    const before = layout.positions();
    layout.sync(chain(['a', 'b', 'c'], [999, 999, 999, 999, 60, 0], 2));
    const after = layout.positions();
    expect([after[0], after[1], after[2], after[3]]).toEqual([before[0], before[1], before[2], before[3]]);
    expect([after[4], after[5]]).toEqual([60, 0]);
    expect(layout.settled).toBe(false);
    expect(layout.version).toBe(2);
  });

  it('stops within its time budget', () => {
    const layout = new ForceLayout();
    layout.sync(chain(['a', 'b', 'c'], [0, 0, 1, 1, 2, 2]));
    let clock = 0;
    const ran = layout.step(5, () => (clock += 2));
    expect(ran).toBe(3); // clock reads 2 (start), 4, 6, 8: the third tick crosses the 5 ms budget
  });
});
