/**
 * What is under the pointer, in world coordinates: the nearest drawn track whose disc (plus a tolerance for
 * small ones) contains the point, else the nearest drawn transition within a tolerance of its line.
 * Linear scans: a few thousand distance checks cost well under a millisecond, and only on pointer events.
 */
import { reverseOffset } from './mesh-geometry';

/** The slot of the track under (x, y), or -1. Tracks with radius 0 are not drawn and never hit. */
export function pickNodeAt(x: number, y: number, xy: Float32Array, radius: Float32Array, count: number, tolerance: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let slot = 0; slot < count; slot += 1) {
    const r = radius[slot]!;
    if (r <= 0) continue;
    const distance = Math.hypot(xy[slot * 2]! - x, xy[slot * 2 + 1]! - y);
    if (distance <= Math.max(r, tolerance) && distance - r < bestDistance) {
      best = slot;
      bestDistance = distance - r;
    }
  }
  return best;
}

/** The drawn transitions, as the edge mesh draws them (see writeEdgePositions). */
export interface EdgeHitFrame {
  visible: Uint32Array;
  ends: Uint32Array;
  xy: Float32Array;
  width: Float32Array;
  hasReverse: Uint8Array;
  zoom: number;
}

/** The index (into the edge list) of the drawn transition nearest to (x, y) within `tolerance` of it, or -1. */
export function pickEdgeAt(x: number, y: number, frame: EdgeHitFrame, tolerance: number): number {
  const { visible, ends, xy, width, hasReverse, zoom } = frame;
  let best = -1;
  let bestDistance = Infinity;
  for (const edge of visible) {
    const from = ends[edge * 2]!;
    const to = ends[edge * 2 + 1]!;
    let ax = xy[from * 2]!;
    let ay = xy[from * 2 + 1]!;
    let bx = xy[to * 2]!;
    let by = xy[to * 2 + 1]!;
    if (hasReverse[edge]) {
      const length = Math.hypot(bx - ax, by - ay) || 1;
      const shift = reverseOffset(width[edge]!, zoom);
      const [sx, sy] = [(-(by - ay) / length) * shift, ((bx - ax) / length) * shift];
      [ax, ay, bx, by] = [ax + sx, ay + sy, bx + sx, by + sy];
    }
    const distance = distanceToSegment(x, y, ax, ay, bx, by);
    if (distance <= tolerance + width[edge]! / 2 && distance < bestDistance) {
      best = edge;
      bestDistance = distance;
    }
  }
  return best;
}

export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
