/**
 * Where a track starts before the force layout has moved it: next to a track it is connected to and that is
 * already placed (so an expansion grows out of the expanded node), else around the anchor. Spread on a sunflower
 * spiral, so even thousands of new tracks are legible in the very first frame, before the worker's first tick.
 */

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Distance between neighbouring seeds on the spiral, in world units. */
export const SPIRAL_SPACING = 14;

export interface PlacementInput {
  /** ids of the tracks to place, in the order the API listed them (strongest first) */
  newIds: readonly string[];
  /** for a new track, the already placed tracks it is connected to */
  placedNeighboursOf(id: string): readonly string[];
  /** position of a placed track */
  positionOf(id: string): readonly [number, number] | undefined;
  /** where tracks without a placed neighbour gather @default [0, 0] */
  anchor?: readonly [number, number];
}

/** Returns a start position for every new id. Pure and deterministic. */
export function placeNewNodes(input: PlacementInput): Map<string, [number, number]> {
  const groups = new Map<string, { centre: readonly [number, number]; ids: string[] }>();
  const anchor = input.anchor ?? [0, 0];
  for (const id of input.newIds) {
    const parent = input.placedNeighboursOf(id).find((n) => input.positionOf(n) !== undefined);
    const key = parent ?? '';
    const centre = parent === undefined ? anchor : (input.positionOf(parent) ?? anchor);
    const group = groups.get(key) ?? { centre, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }
  const placed = new Map<string, [number, number]>();
  for (const { centre, ids } of groups.values()) {
    ids.forEach((id, k) => {
      // k + 1: the first seed sits one step out, never on top of its parent.
      const radius = SPIRAL_SPACING * Math.sqrt(k + 1) * 1.6;
      const angle = (k + 1) * GOLDEN_ANGLE;
      placed.set(id, [centre[0] + radius * Math.cos(angle), centre[1] + radius * Math.sin(angle)]);
    });
  }
  return placed;
}
