/**
 * Pan and zoom as plain values: a camera is the world point shown at the viewport's centre plus a zoom factor.
 * Pure functions, so gestures and keyboard commands are testable without a canvas.
 */

export interface Camera {
  x: number;
  y: number;
  zoom: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 8;

/** Fitting never zooms in further than this: a handful of tracks should not fill the screen. */
export const FIT_MAX_ZOOM = 2.5;

export const INITIAL_CAMERA: Camera = { x: 0, y: 0, zoom: 1 };

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function worldToScreen(camera: Camera, viewport: Viewport, x: number, y: number): [number, number] {
  return [(x - camera.x) * camera.zoom + viewport.width / 2, (y - camera.y) * camera.zoom + viewport.height / 2];
}

export function screenToWorld(camera: Camera, viewport: Viewport, sx: number, sy: number): [number, number] {
  return [(sx - viewport.width / 2) / camera.zoom + camera.x, (sy - viewport.height / 2) / camera.zoom + camera.y];
}

/** Zooms by `factor`, keeping the world point under the screen point (the cursor) where it is. */
export function zoomAround(camera: Camera, viewport: Viewport, sx: number, sy: number, factor: number): Camera {
  const zoom = clampZoom(camera.zoom * factor);
  const [wx, wy] = screenToWorld(camera, viewport, sx, sy);
  return {
    zoom,
    x: wx - (sx - viewport.width / 2) / zoom,
    y: wy - (sy - viewport.height / 2) / zoom,
  };
}

/** Moves the view by a screen-space drag of (dx, dy) pixels. */
export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x - dx / camera.zoom, y: camera.y - dy / camera.zoom };
}

/** The camera that shows every given point (x, y pairs) with `padding` pixels around, or the input when empty. */
export function fitPoints(camera: Camera, viewport: Viewport, xy: ArrayLike<number>, count: number, padding = 48): Camera {
  if (count === 0 || viewport.width <= 0 || viewport.height <= 0) return camera;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i += 1) {
    const x = xy[i * 2]!;
    const y = xy[i * 2 + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const width = Math.max(maxX - minX, 1);
  const height = Math.max(maxY - minY, 1);
  const zoom = clampZoom(Math.min((viewport.width - 2 * padding) / width, (viewport.height - 2 * padding) / height, FIT_MAX_ZOOM));
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, zoom };
}
