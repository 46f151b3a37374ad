import { describe, expect, it } from 'vitest';
import { pickLabels, type LabelCandidates } from './label-picker';

const viewport = { width: 400, height: 300 };
const camera = { x: 0, y: 0, zoom: 1 };

function candidates(points: number[], radius: number[], forced = 0): LabelCandidates {
  return {
    order: Uint32Array.from(radius.map((_, i) => i)),
    forced,
    xy: Float32Array.from(points),
    radius: Float32Array.from(radius),
    widthOf: () => 80,
  };
}

describe('pickLabels', () => {
  it('labels big-enough tracks in priority order and skips overlapping ones', () => {
    const labels = pickLabels(candidates([0, 0, 5, 2, 0, 60], [10, 10, 10]), camera, viewport);
    expect(labels.map((l) => l.slot)).toEqual([0, 2]);
  });

  it('needs a zoom at which the track is large enough, unless forced', () => {
    const small = candidates([0, 0, 0, 60], [3, 3], 1);
    expect(pickLabels(small, camera, viewport).map((l) => l.slot)).toEqual([0]);
    expect(pickLabels(small, { ...camera, zoom: 2 }, viewport).map((l) => l.slot)).toEqual([0, 1]);
  });

  it('leaves out tracks off screen and stops at the maximum', () => {
    const off = candidates([5000, 0, 0, 0], [10, 10]);
    expect(pickLabels(off, camera, viewport).map((l) => l.slot)).toEqual([1]);
    const many = candidates(Array.from({ length: 20 }, (_, i) => [0, i * 20 - 150]).flat(), Array(10).fill(10));
    expect(pickLabels(many, camera, viewport, { maxLabels: 3 })).toHaveLength(3);
  });

  it('places the label right of the track, vertically centred', () => {
    const [label] = pickLabels(candidates([0, 0], [10]), camera, viewport, { lineHeight: 14 });
    expect(label).toEqual({ slot: 0, x: 200 + 10 + 4, y: 150 - 7 });
  });

  it('puts the label on the left where the right side would run off the canvas', () => {
    const [label] = pickLabels(candidates([150, 0], [10]), camera, viewport, { lineHeight: 14 });
    expect(label).toEqual({ slot: 0, x: 350 - 10 - 4 - 80, y: 143 });
  });
});
