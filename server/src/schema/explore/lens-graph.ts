import type { Pool } from 'pg';
import type { Direction, NeighbourhoodRow, TransitionRow } from '../graph/data';
import type { TrackRow } from '../tracks/data';
import { fetchLensEdges } from './data';
import type { Lens } from './lens';

const key = (e: TransitionRow) => `${e.fromId}:${e.toId}`;
const strongestFirst = (a: TransitionRow, b: TransitionRow) => b.weight - a.weight || a.fromId - b.fromId || a.toId - b.toId;

/**
 * One ring: the edges of `anchors` that follow `direction` from an anchor to a track other than the centre, strongest
 * first, at most limit + 1; and the tracks they reach.
 */
async function ring(pg: Pool, lens: Lens, centre: number, anchors: number[], direction: Direction, minWeight: number, limit: number) {
  if (anchors.length === 0) return { edges: [] as TransitionRow[], reached: [] as number[] };
  const inAnchors = new Set(anchors);
  const candidates: { edge: TransitionRow; far: number }[] = [];
  for (const edge of await fetchLensEdges(pg, lens, anchors, direction, minWeight)) {
    if (direction !== 'IN' && inAnchors.has(edge.fromId) && edge.toId !== centre) candidates.push({ edge, far: edge.toId });
    if (direction !== 'OUT' && inAnchors.has(edge.toId) && edge.fromId !== centre) candidates.push({ edge, far: edge.fromId });
  }
  const seen = new Set<string>();
  const edges: TransitionRow[] = [];
  const reached = new Set<number>();
  for (const { edge, far } of candidates.sort((a, b) => strongestFirst(a.edge, b.edge) || a.far - b.far)) {
    if (!seen.has(key(edge))) {
      if (edges.length > limit) break;
      seen.add(key(edge));
      edges.push(edge);
    }
    reached.add(far);
  }
  return { edges, reached: [...reached] };
}

/**
 * neighbourhood(…, lens): the same rings as cypher/api/neighbourhood.cypher (each ring strongest edge first, at most
 * limit + 1, ties on ids; then the strongest `limit` of all), over the transitions counted from the lens's setlists
 * (sql/queries/api/explore/lens-edges.sql). Tracks are read from gold; null when the centre is not in the graph.
 */
export async function fetchLensNeighbourhood(
  pg: Pool,
  loadTracks: (ids: number[]) => Promise<(TrackRow | null)[]>,
  lens: Lens,
  args: { trackId: number; depth: number; minWeight: number; limit: number; direction: Direction },
): Promise<NeighbourhoodRow | null> {
  const { trackId, depth, minWeight, limit, direction } = args;
  const [center] = await loadTracks([trackId]);
  if (!center) return null;
  const all = new Map<string, TransitionRow>();
  let anchors = [trackId];
  for (let d = 1; d <= depth && anchors.length > 0; d++) {
    // ring 1 is anchored at the centre, so its far ends exclude nothing; later rings never go back to it
    const found = await ring(pg, lens, d === 1 ? -1 : trackId, anchors, direction, minWeight, limit);
    for (const edge of found.edges) all.set(key(edge), edge);
    anchors = found.reached.filter((id) => id !== trackId);
  }
  const sorted = [...all.values()].sort(strongestFirst);
  const kept = sorted.slice(0, limit);
  const ids = [...new Set([trackId, ...kept.flatMap((e) => [e.fromId, e.toId])])];
  const tracks = await loadTracks(ids);
  const byId = new Map<number, TrackRow>();
  tracks.forEach((t) => t && byId.set(t.id, t));
  const edges = kept.flatMap((e) => {
    const from = byId.get(e.fromId);
    const to = byId.get(e.toId);
    return from && to ? [{ ...e, ends: { from, to } }] : [];
  });
  return { center, nodes: [...byId.values()], edges, truncated: sorted.length > limit };
}

/** The path search's round under a lens: the strongest `perNode` outgoing lens edges of every frontier track. */
export function lensOutEdges(pg: Pool, lens: Lens) {
  return async (ids: number[], perNode: number): Promise<TransitionRow[]> => {
    const edges = await fetchLensEdges(pg, lens, ids, 'OUT', 1);
    const taken = new Map<number, number>();
    return edges.filter((e) => {
      const n = taken.get(e.fromId) ?? 0;
      taken.set(e.fromId, n + 1);
      return n < perNode;
    });
  };
}
