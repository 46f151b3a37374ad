import { describe, expect, it } from 'vitest';
import { drawnRadius, ensureCapacity, reverseOffset, writeEdgeIndices, writeEdgePositions, writeNodePositions } from './mesh-geometry';

describe('mesh geometry', () => {
  it('grows buffers by doubling and keeps their contents', () => {
    const small = Float32Array.from([1, 2]);
    const grown = ensureCapacity(small, 3);
    expect(grown.length).toBe(4);
    expect([...grown.slice(0, 2)]).toEqual([1, 2]);
    expect(ensureCapacity(grown, 4)).toBe(grown);
  });

  it('keeps tracks visible when zoomed out, and hidden ones hidden', () => {
    expect(drawnRadius(4, 0.1)).toBe(25);
    expect(drawnRadius(4, 2)).toBe(4);
    expect(drawnRadius(0, 0.1)).toBe(0);
  });

  it('writes a line from rim to rim with the arrowhead touching the target', () => {
    const out = new Float32Array(14);
    writeEdgePositions(out, {
      visible: Uint32Array.from([0]),
      ends: Uint32Array.from([0, 1]),
      xy: Float32Array.from([0, 0, 100, 0]),
      width: Float32Array.from([2]),
      hasReverse: Uint8Array.from([0]),
      radius: Float32Array.from([10, 10]),
      zoom: 1,
    });
    expect([out[0], out[1], out[2], out[3]]).toEqual([10, 1, 10, -1]);
    expect([out[12], out[13]]).toEqual([90, 0]);
    expect(out[8]).toBeLessThan(90);
    expect(out[9]).toBeGreaterThan(1);
  });

  it('collapses a transition between tracks at the same place instead of dividing by zero', () => {
    const out = new Float32Array(14).fill(9);
    writeEdgePositions(out, {
      visible: Uint32Array.from([0]),
      ends: Uint32Array.from([0, 1]),
      xy: Float32Array.from([5, 5, 5, 5]),
      width: Float32Array.from([2]),
      hasReverse: Uint8Array.from([0]),
      radius: Float32Array.from([3, 3]),
      zoom: 1,
    });
    expect([...out]).toEqual(Array(14).fill(5));
  });

  it('shifts a transition whose opposite exists to its own side, so both stay visible', () => {
    const frame = (from: number, to: number) => ({
      visible: Uint32Array.from([0]),
      ends: Uint32Array.from([from, to]),
      xy: Float32Array.from([0, 0, 100, 0]),
      width: Float32Array.from([2]),
      hasReverse: Uint8Array.from([1]),
      radius: Float32Array.from([10, 10]),
      zoom: 1,
    });
    const there = new Float32Array(14);
    const back = new Float32Array(14);
    writeEdgePositions(there, frame(0, 1));
    writeEdgePositions(back, frame(1, 0));
    expect(there[13]).toBeCloseTo(reverseOffset(2, 1));
    expect(back[13]).toBeCloseTo(-reverseOffset(2, 1));
  });

  it('writes quads around tracks and index patterns per item', () => {
    const positions = new Float32Array(8);
    writeNodePositions(positions, Float32Array.from([10, 20]), Float32Array.from([5]), 1, 1);
    expect([...positions]).toEqual([5, 15, 15, 15, 15, 25, 5, 25]);
    const indices = new Uint32Array(18);
    writeEdgeIndices(indices, 1, 2);
    expect([...indices.slice(9)]).toEqual([7, 8, 9, 8, 10, 9, 11, 12, 13]);
  });
});
