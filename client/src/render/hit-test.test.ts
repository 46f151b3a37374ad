import { describe, expect, it } from 'vitest';
import { distanceToSegment, pickEdgeAt, pickNodeAt } from './hit-test';

const xy = Float32Array.from([0, 0, 100, 0, 100, 100]);

describe('hit testing', () => {
  it('finds the track whose disc holds the point, ignoring undrawn ones', () => {
    const radius = Float32Array.from([10, 10, 0]);
    expect(pickNodeAt(3, 4, xy, radius, 3, 0)).toBe(0);
    expect(pickNodeAt(100, 100, xy, radius, 3, 0)).toBe(-1);
    expect(pickNodeAt(50, 50, xy, radius, 3, 0)).toBe(-1);
  });

  it('gives small tracks a tolerance', () => {
    const radius = Float32Array.from([1, 1, 1]);
    expect(pickNodeAt(4, 0, xy, radius, 3, 5)).toBe(0);
  });

  it('finds the nearest drawn transition within tolerance', () => {
    const frame = (visible: number[]) => ({
      visible: Uint32Array.from(visible),
      ends: Uint32Array.from([0, 1, 1, 2]),
      xy,
      width: Float32Array.from([2, 2]),
      hasReverse: Uint8Array.from([0, 0]),
      zoom: 1,
    });
    expect(pickEdgeAt(50, 3, frame([0, 1]), 3)).toBe(0);
    expect(pickEdgeAt(97, 50, frame([0, 1]), 4)).toBe(1);
    expect(pickEdgeAt(50, 3, frame([1]), 3)).toBe(-1);
    expect(pickEdgeAt(50, 30, frame([0, 1]), 3)).toBe(-1);
  });

  it('tells a transition from its opposite by the side it is drawn on', () => {
    const frame = {
      visible: Uint32Array.from([0, 1]),
      ends: Uint32Array.from([0, 1, 1, 0]),
      xy,
      width: Float32Array.from([2, 2]),
      hasReverse: Uint8Array.from([1, 1]),
      zoom: 1,
    };
    expect(pickEdgeAt(50, 3, frame, 1)).toBe(0);
    expect(pickEdgeAt(50, -3, frame, 1)).toBe(1);
  });

  it('measures distance to a segment, clamped at its ends', () => {
    expect(distanceToSegment(5, 5, 0, 0, 10, 0)).toBe(5);
    expect(distanceToSegment(-3, 4, 0, 0, 10, 0)).toBe(5);
    expect(distanceToSegment(1, 1, 2, 2, 2, 2)).toBeCloseTo(Math.SQRT2);
  });
});
