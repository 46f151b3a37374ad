import type { Driver } from 'neo4j-driver';
import { readCypher } from '../../db/run-cypher';
import type { TransitionRow } from './data';

/** How many of each track's strongest outgoing edges a round follows, and how many tracks a round keeps. */
const EDGES_PER_TRACK = 40;
const BEAM = 2_000;

export interface PathRow {
  trackIds: number[];
  transitions: TransitionRow[];
  cost: number;
}

interface Reached {
  cost: number;
  hops: number;
  via: TransitionRow | null;
}

/**
 * The most-travelled route from one track to another: the cheapest path of at most `maxHops` transitions, where a
 * transition costs 1/weight (a pair many DJs play is cheap). Community Neo4j has no weighted shortest path, so this
 * relaxes the graph one hop per round (Bellman-Ford bounded by maxHops), fetching the frontier's strongest
 * outgoing edges in one query per round (from gold, or under a lens from silver: `outEdges`). Exact unless a track has more than EDGES_PER_TRACK outgoing edges or a
 * round reaches more than BEAM tracks, where only the strongest are followed.
 */
/** One round's edges: the strongest `perNode` outgoing transitions of each of `ids`. */
export type OutEdges = (ids: number[], perNode: number) => Promise<TransitionRow[]>;

/** The gold graph's edges (cypher/api/out-edges.cypher). */
export const goldOutEdges =
  (driver: Driver): OutEdges =>
  (ids, perNode) =>
    readCypher<TransitionRow>(driver, 'api/out-edges', { ids, perNode });

export async function findMostTravelledPath(outEdges: OutEdges, fromId: number, toId: number, maxHops: number): Promise<PathRow | null> {
  const reached = new Map<number, Reached>([[fromId, { cost: 0, hops: 0, via: null }]]);
  let frontier = [fromId];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const edges = await outEdges(frontier, EDGES_PER_TRACK);
    const bestToTarget = reached.get(toId)?.cost ?? Infinity;
    const improved = new Set<number>();
    for (const edge of edges) {
      const from = reached.get(edge.fromId);
      if (!from || from.hops !== hop - 1 || edge.toId === fromId) continue;
      const cost = from.cost + 1 / edge.weight;
      if (cost >= bestToTarget || cost >= (reached.get(edge.toId)?.cost ?? Infinity)) continue;
      reached.set(edge.toId, { cost, hops: hop, via: edge });
      if (edge.toId !== toId) improved.add(edge.toId);
    }
    frontier = [...improved].sort((a, b) => (reached.get(a)?.cost ?? 0) - (reached.get(b)?.cost ?? 0)).slice(0, BEAM);
  }
  const end = reached.get(toId);
  if (!end) return null;
  const transitions: TransitionRow[] = [];
  for (let at = end; at.via !== null; ) {
    transitions.unshift(at.via);
    const previous = reached.get(at.via.fromId);
    if (!previous || transitions.length > maxHops) return null;
    at = previous;
  }
  const cost = transitions.reduce((sum, t) => sum + 1 / t.weight, 0);
  return { trackIds: [fromId, ...transitions.map((t) => t.toId)], transitions, cost };
}
