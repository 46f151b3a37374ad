/**
 * The graph as the explorer holds it: tracks (nodes) and played-directly-before transitions (edges), exactly as the
 * API returned them. Nullable fields stay null: the UI shows them as missing, never fills them in.
 */

/** A track in view. `version` null means the original (as the API defines it). */
export interface TrackNode {
  id: string;
  title: string;
  version: string | null;
  artistCredit: string;
  /** distinct setlists that play it */
  plays: number;
}

/** `from` was played directly before `to`. */
export interface TransitionEdge {
  /** `${from}->${to}`: one edge per ordered pair */
  id: string;
  from: string;
  to: string;
  /** distinct setlists */
  weight: number;
  /** distinct DJs */
  djs: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A transition as the API sends it (codegen's TransitionFields). */
export interface TransitionInput {
  from: { id: string };
  to: { id: string };
  weight: number;
  djs: number;
  firstSeen?: string | null;
  lastSeen?: string | null;
}

/** What a merge takes: a neighbourhood, a path, or a live refresh. */
export interface GraphPatch {
  nodes: readonly TrackNode[];
  edges: readonly TransitionInput[];
}

export function edgeIdOf(from: string, to: string): string {
  return `${from}->${to}`;
}

/** Splits an edge id back into its ends; null when it is not one. */
export function parseEdgeId(id: string): { from: string; to: string } | null {
  const at = id.indexOf('->');
  if (at <= 0 || at + 2 >= id.length) return null;
  return { from: id.slice(0, at), to: id.slice(at + 2) };
}

/** Copies only the fields the store keeps (the API may send more, e.g. __typename). */
export function toTrackNode(track: TrackNode): TrackNode {
  return {
    id: track.id,
    title: track.title,
    version: track.version ?? null,
    artistCredit: track.artistCredit,
    plays: track.plays,
  };
}

export function toTransitionEdge(edge: TransitionInput): TransitionEdge {
  return {
    id: edgeIdOf(edge.from.id, edge.to.id),
    from: edge.from.id,
    to: edge.to.id,
    weight: edge.weight,
    djs: edge.djs,
    firstSeen: edge.firstSeen ?? null,
    lastSeen: edge.lastSeen ?? null,
  };
}
