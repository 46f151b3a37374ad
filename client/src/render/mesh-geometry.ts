/**
 * Vertex data for the two batched meshes — every transition in one mesh, every track in another — written
 * into reusable typed arrays (no allocation per frame). Pure functions of positions, styles and zoom.
 *
 * A transition is a quad (the line) plus a triangle (the arrowhead at the `to` end): 7 vertices, 9 indices.
 * A track is a quad the fragment shader cuts into a disc with a ring: 4 vertices, 6 indices.
 */

export const EDGE_VERTICES = 7;
export const EDGE_INDICES = 9;
export const NODE_VERTICES = 4;
export const NODE_INDICES = 6;

/** On-screen minimums (pixels), so nothing vanishes when zoomed far out. */
export const MIN_SCREEN_NODE_RADIUS = 2.5;
export const MIN_SCREEN_EDGE_WIDTH = 1;

/** Returns `array` if it holds `length`, else a larger one (doubling) with the old contents. */
export function ensureCapacity<T extends Float32Array | Uint32Array>(array: T, length: number): T {
  if (array.length >= length) return array;
  const grown = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  grown.set(array);
  return grown;
}

/** The drawn radius: the world radius, but never below MIN_SCREEN_NODE_RADIUS pixels; 0 stays 0 (hidden). */
export function drawnRadius(radius: number, zoom: number): number {
  return radius > 0 ? Math.max(radius, MIN_SCREEN_NODE_RADIUS / zoom) : 0;
}

export function writeEdgeIndices(out: Uint32Array, from: number, to: number): void {
  for (let k = from; k < to; k += 1) {
    const v = k * EDGE_VERTICES;
    out.set([v, v + 1, v + 2, v + 1, v + 3, v + 2, v + 4, v + 5, v + 6], k * EDGE_INDICES);
  }
}

export function writeNodeIndices(out: Uint32Array, from: number, to: number): void {
  for (let k = from; k < to; k += 1) {
    const v = k * NODE_VERTICES;
    out.set([v, v + 1, v + 2, v, v + 2, v + 3], k * NODE_INDICES);
  }
}

/** Per-vertex colours of the visible transitions, in draw order. */
export function writeEdgeColours(out: Float32Array, visible: Uint32Array, colour: Float32Array): void {
  for (let k = 0; k < visible.length; k += 1) copyColour(colour, visible[k]!, out, k * EDGE_VERTICES, EDGE_VERTICES);
}

export interface EdgeFrame {
  visible: Uint32Array;
  /** [fromSlot, toSlot] per transition */
  ends: Uint32Array;
  xy: Float32Array;
  width: Float32Array;
  /** 1 where the opposite transition is drawn too (then each is shifted to its own right-hand side) */
  hasReverse: Uint8Array;
  /** world radius by slot */
  radius: Float32Array;
  zoom: number;
}

/** How far a transition is shifted sideways when its opposite exists: clear of it whatever the zoom. */
export function reverseOffset(width: number, zoom: number): number {
  return Math.max(width, MIN_SCREEN_EDGE_WIDTH / zoom) * 0.5 + 2 / zoom;
}

/** Line quads from the rim of `from` to the arrowhead's base, arrowheads touching the rim of `to`. */
export function writeEdgePositions(out: Float32Array, frame: EdgeFrame): void {
  const { visible, ends, xy, width, hasReverse, radius, zoom } = frame;
  for (let k = 0; k < visible.length; k += 1) {
    const edge = visible[k]!;
    const a = ends[edge * 2]!;
    const b = ends[edge * 2 + 1]!;
    let ax = xy[a * 2]!;
    let ay = xy[a * 2 + 1]!;
    const dx = xy[b * 2]! - ax;
    const dy = xy[b * 2 + 1]! - ay;
    const length = Math.hypot(dx, dy);
    const o = k * EDGE_VERTICES * 2;
    if (length < 1e-6) {
      for (let v = 0; v < EDGE_VERTICES; v += 1) [out[o + v * 2], out[o + v * 2 + 1]] = [ax, ay];
      continue;
    }
    const ux = dx / length;
    const uy = dy / length;
    if (hasReverse[edge]) {
      // Right-hand side of the direction of travel (y grows downwards on screen).
      const shift = reverseOffset(width[edge]!, zoom);
      ax -= uy * shift;
      ay += ux * shift;
    }
    const w = Math.max(width[edge]!, MIN_SCREEN_EDGE_WIDTH / zoom);
    const half = w / 2;
    const start = drawnRadius(radius[a]!, zoom);
    const tip = length - drawnRadius(radius[b]!, zoom);
    const arrow = Math.min(Math.max(w * 2.4, 7 / zoom), Math.max(tip - start, 0) * 0.6);
    const arrowHalf = Math.max(w * 1.5, 3.5 / zoom);
    const base = tip - arrow;
    const nx = -uy;
    const ny = ux;
    const sx = ax + ux * start;
    const sy = ay + uy * start;
    const bx = ax + ux * base;
    const by = ay + uy * base;
    out[o] = sx + nx * half;
    out[o + 1] = sy + ny * half;
    out[o + 2] = sx - nx * half;
    out[o + 3] = sy - ny * half;
    out[o + 4] = bx + nx * half;
    out[o + 5] = by + ny * half;
    out[o + 6] = bx - nx * half;
    out[o + 7] = by - ny * half;
    out[o + 8] = bx + nx * arrowHalf;
    out[o + 9] = by + ny * arrowHalf;
    out[o + 10] = bx - nx * arrowHalf;
    out[o + 11] = by - ny * arrowHalf;
    out[o + 12] = ax + ux * tip;
    out[o + 13] = ay + uy * tip;
  }
}

/** Quad corners of every track (slot order); hidden tracks collapse to a point. */
export function writeNodePositions(out: Float32Array, xy: Float32Array, radius: Float32Array, count: number, zoom: number): void {
  for (let slot = 0; slot < count; slot += 1) {
    const x = xy[slot * 2]!;
    const y = xy[slot * 2 + 1]!;
    const r = drawnRadius(radius[slot]!, zoom);
    const o = slot * NODE_VERTICES * 2;
    out[o] = x - r;
    out[o + 1] = y - r;
    out[o + 2] = x + r;
    out[o + 3] = y - r;
    out[o + 4] = x + r;
    out[o + 5] = y + r;
    out[o + 6] = x - r;
    out[o + 7] = y + r;
  }
}

/** UVs (-1..1 across the quad) and per-vertex fill and ring colours, slot order. */
export function writeNodeStyle(
  uv: Float32Array,
  fill: Float32Array,
  ring: Float32Array,
  model: { nodeFill: Float32Array; nodeRing: Float32Array },
  count: number,
): void {
  const corners = [-1, -1, 1, -1, 1, 1, -1, 1];
  for (let slot = 0; slot < count; slot += 1) {
    uv.set(corners, slot * NODE_VERTICES * 2);
    copyColour(model.nodeFill, slot, fill, slot * NODE_VERTICES, NODE_VERTICES);
    copyColour(model.nodeRing, slot, ring, slot * NODE_VERTICES, NODE_VERTICES);
  }
}

/** Copies colour `item` (rgba) of `from` to `vertices` consecutive vertices of `out` starting at `firstVertex`. */
function copyColour(from: Float32Array, item: number, out: Float32Array, firstVertex: number, vertices: number): void {
  const r = from[item * 4]!;
  const g = from[item * 4 + 1]!;
  const b = from[item * 4 + 2]!;
  const a = from[item * 4 + 3]!;
  for (let v = firstVertex; v < firstVertex + vertices; v += 1) {
    out[v * 4] = r;
    out[v * 4 + 1] = g;
    out[v * 4 + 2] = b;
    out[v * 4 + 3] = a;
  }
}
