import { describe, expect, it } from 'vitest';
import { DRAG_THRESHOLD_PX, isDrag, wheelZoomFactor } from './pointer-gestures';

describe('pointer gestures', () => {
  it('a press that barely moves is a click, one that travels is a drag', () => {
    expect(isDrag(10, 10, 12, 11)).toBe(false);
    expect(isDrag(10, 10, 10 + DRAG_THRESHOLD_PX, 10)).toBe(true);
  });

  it('wheel up zooms in, down zooms out, whatever the delta unit', () => {
    expect(wheelZoomFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100, 0)).toBeLessThan(1);
    expect(wheelZoomFactor(3, 1)).toBeCloseTo(wheelZoomFactor(99, 0));
    expect(wheelZoomFactor(1e6, 0)).toBeCloseTo(Math.exp(-0.9));
  });
});
