import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import { readCypher } from '../../db/run-cypher';
import { runSql } from '../../db/run-sql';
import { graphWorthy, type TrackRow } from '../tracks/data';
import type { Lens } from '../explore/lens';

/** A TRANSITION edge as the API hands it around (GraphQL type Transition). */
export interface TransitionRow {
  fromId: number;
  toId: number;
  weight: number;
  djs: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** both ends, when the query that found the edge read them too (a neighbourhood): Transition.from/to need no load */
  ends?: { from: TrackRow; to: TrackRow };
  /** the lens it was counted under: its setlists then follow the same lens */
  lens?: Lens;
}

export interface NeighbourhoodRow {
  center: TrackRow;
  nodes: TrackRow[];
  edges: TransitionRow[];
  truncated: boolean;
}

/** One source's setlist of a performance (GraphQL SetlistSource). */
export interface SetlistSourceRow {
  id: string;
  title: string;
  source: string;
  sourceUrl: string;
}

/** One performance behind a transition, told by its best-documented setlist (GraphQL Setlist). */
export interface SetlistRow {
  id: number;
  title: string;
  djs: string[];
  date: string | null;
  event: string | null;
  venue: string | null;
  location: string | null;
  source: string;
  sourceUrl: string;
  sources: SetlistSourceRow[];
  total: number;
}

export type Direction = 'IN' | 'OUT' | 'BOTH';

/** What cypher/api/neighbourhood.cypher returns: nodes and edges as parallel lists, one index per node or edge. */
interface NeighbourhoodColumns {
  truncated: boolean;
  nodeId: number[];
  nodeTitle: string[];
  nodeVersion: (string | null)[];
  nodeArtistCredit: string[];
  nodePlays: number[];
  edgeFrom: number[];
  edgeTo: number[];
  edgeWeight: number[];
  edgeDjs: number[];
  edgeFirstSeen: (string | null)[];
  edgeLastSeen: (string | null)[];
}

function nodesOf(c: NeighbourhoodColumns): TrackRow[] {
  return c.nodeId.map((id, i) => ({
    id,
    title: c.nodeTitle[i]!,
    version: c.nodeVersion[i] ?? null,
    artistCredit: c.nodeArtistCredit[i]!,
    plays: c.nodePlays[i]!,
  }));
}

/**
 * The edges between `nodes` (an edge touching a node the guard removed is dropped, so an answer never points at a
 * missing track), each handed its two ends.
 */
function edgesBetween(c: NeighbourhoodColumns, nodes: TrackRow[]): TransitionRow[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: TransitionRow[] = [];
  c.edgeFrom.forEach((fromId, i) => {
    const toId = c.edgeTo[i]!;
    const from = byId.get(fromId);
    const to = byId.get(toId);
    if (!from || !to) return;
    const firstSeen = c.edgeFirstSeen[i] ?? null;
    const lastSeen = c.edgeLastSeen[i] ?? null;
    edges.push({ fromId, toId, weight: c.edgeWeight[i]!, djs: c.edgeDjs[i]!, firstSeen, lastSeen, ends: { from, to } });
  });
  return edges;
}

/** The statement that answers a neighbourhood of `depth`: depth 1 has a leaner one with the same answer. */
export function neighbourhoodStatement(depth: number): string {
  return depth === 1 ? 'api/neighbourhood-depth1' : 'api/neighbourhood';
}

/** The neighbourhood in one round trip (cypher/api/neighbourhood*.cypher); null when the track is not in the graph. */
export async function fetchNeighbourhood(
  driver: Driver,
  args: { trackId: number; depth: number; minWeight: number; limit: number; direction: Direction },
): Promise<NeighbourhoodRow | null> {
  const [row] = await readCypher<NeighbourhoodColumns>(driver, neighbourhoodStatement(args.depth), args);
  if (!row) return null;
  const nodes = graphWorthy(nodesOf(row));
  const center = nodes.find((n) => n.id === args.trackId);
  if (!center) return null;
  return { center, nodes, edges: edgesBetween(row, nodes), truncated: row.truncated };
}

export async function fetchTransition(driver: Driver, fromId: number, toId: number): Promise<TransitionRow | null> {
  return (await readCypher<TransitionRow>(driver, 'api/transition', { fromId, toId }))[0] ?? null;
}

/** The strongest transitions into or out of each track, for DataLoader batches. */
export async function fetchStrongest(driver: Driver, ids: readonly number[], outgoing: boolean, first: number) {
  const rows = await readCypher<{ id: number; transitions: TransitionRow[] }>(driver, 'api/strongest-transitions', {
    ids: [...ids],
    outgoing,
    first,
  });
  return new Map(rows.map((row) => [row.id, row.transitions]));
}

/** The performances behind each (from, to) pair, newest first, each with its sources, for DataLoader batches. */
export async function fetchSetlistsForPairs(pg: Pool, pairs: readonly { fromId: number; toId: number }[], lens: Lens | null = null) {
  const ends = [pairs.map((p) => p.fromId), pairs.map((p) => p.toId)];
  const rows = await runSql(pg, 'api/transition-setlists', [...ends, lens?.djIds ?? null, lens?.from ?? null, lens?.to ?? null]);
  const byPair = new Map<string, SetlistRow[]>();
  for (const r of rows) {
    const key = `${r.from_id}:${r.to_id}`;
    const setlist: SetlistRow = {
      id: Number(r.id),
      title: r.title,
      djs: r.djs,
      date: r.date,
      event: r.event,
      venue: r.venue,
      location: r.location,
      source: r.source,
      sourceUrl: r.source_url,
      sources: (r.sources as { id: number; title: string; source: string; sourceUrl: string }[]).map((s) => ({ ...s, id: String(s.id) })),
      total: Number(r.total),
    };
    byPair.set(key, [...(byPair.get(key) ?? []), setlist]);
  }
  return byPair;
}

export async function fetchTopTransitions(driver: Driver, skip: number, limit: number): Promise<TransitionRow[]> {
  return readCypher<TransitionRow>(driver, 'api/top-transitions', { skip, limit });
}

export async function fetchRecommendations(pg: Pool, trackId: number, first: number) {
  const rows = await runSql<{ id: string; shared: number; plays: number }>(pg, 'api/recommendations', [trackId, first]);
  return rows.map((r) => ({ id: Number(r.id), sharedSetlists: r.shared, score: r.shared / Math.sqrt(Math.max(r.plays, 1)) }));
}
