import { describe, expect, it } from 'vitest';
import { fitPoints, MAX_ZOOM, panBy, screenToWorld, worldToScreen, zoomAround, type Camera } from './camera';

const viewport = { width: 800, height: 600 };

describe('camera', () => {
  it('maps world to screen and back', () => {
    const camera: Camera = { x: 10, y: -20, zoom: 2 };
    const [sx, sy] = worldToScreen(camera, viewport, 30, 5);
    expect([sx, sy]).toEqual([440, 350]);
    expect(screenToWorld(camera, viewport, sx, sy)).toEqual([30, 5]);
  });

  it('zooms around the cursor: the point under it stays under it', () => {
    const camera: Camera = { x: 0, y: 0, zoom: 1 };
    const before = screenToWorld(camera, viewport, 100, 500);
    const zoomed = zoomAround(camera, viewport, 100, 500, 1.5);
    expect(zoomed.zoom).toBe(1.5);
    const after = screenToWorld(zoomed, viewport, 100, 500);
    expect(after[0]).toBeCloseTo(before[0]);
    expect(after[1]).toBeCloseTo(before[1]);
  });

  it('clamps zoom', () => {
    expect(zoomAround({ x: 0, y: 0, zoom: 6 }, viewport, 0, 0, 10).zoom).toBe(MAX_ZOOM);
  });

  it('pans by screen pixels whatever the zoom', () => {
    expect(panBy({ x: 0, y: 0, zoom: 2 }, 100, -50)).toEqual({ x: -50, y: 25, zoom: 2 });
  });

  it('fits points into the viewport with padding', () => {
    const fitted = fitPoints({ x: 0, y: 0, zoom: 1 }, viewport, [-100, -50, 300, 150], 2, 50);
    expect(fitted.x).toBe(100);
    expect(fitted.y).toBe(50);
    expect(fitted.zoom).toBeCloseTo(Math.min(700 / 400, 500 / 200));
    const [left] = worldToScreen(fitted, viewport, -100, 0);
    expect(left).toBeGreaterThanOrEqual(50 - 1e-9);
  });
});
