/**
 * How big things are, in world units: a track's radius grows with its plays (area ~ plays, capped), a
 * transition's thickness with its weight (log-scaled: one setlist is a hairline, fifty is a rope). Shared by the
 * layout (collision radii, link lengths) and the renderer, so what collides is what is drawn.
 */

export const MIN_NODE_RADIUS = 4;
export const MAX_NODE_RADIUS = 26;

export function nodeRadius(plays: number): number {
  const safe = Number.isFinite(plays) && plays > 0 ? plays : 0;
  return Math.min(MAX_NODE_RADIUS, MIN_NODE_RADIUS + 2.2 * Math.sqrt(safe));
}

export const MIN_EDGE_WIDTH = 0.8;
export const MAX_EDGE_WIDTH = 8;

export function edgeWidth(weight: number): number {
  const safe = Number.isFinite(weight) && weight > 0 ? weight : 0;
  return Math.min(MAX_EDGE_WIDTH, MIN_EDGE_WIDTH + 1.6 * Math.log2(1 + safe) - 1.6);
}
