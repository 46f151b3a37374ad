import type { Resolvers } from '../../generated/graphql';
import { badInput, notFound, requireNumericId, requireRange } from '../../errors';
import { decodeCursor, toConnection } from '../../paging';
import type { TrackRow } from '../tracks/data';
import { fetchNeighbourhood, fetchRecommendations, fetchTopTransitions, fetchTransition, type TransitionRow } from './data';
import { fetchLensNeighbourhood, lensOutEdges } from '../explore/lens-graph';
import { fetchLensEdges } from '../explore/data';
import { readLens } from '../explore/lens';
import { findMostTravelledPath, goldOutEdges } from './path';

export interface RecommendationRow {
  track: TrackRow;
  score: number;
  sharedSetlists: number;
}

/** A transition's end: the track loader batches them; a track the graph no longer has is an error, not a hole. */
async function endOf(load: (id: number) => Promise<TrackRow | null>, id: number): Promise<TrackRow> {
  const track = await load(id);
  if (!track) throw notFound(`track ${id} is no longer in the graph`);
  return track;
}

export const graphResolvers: Resolvers = {
  Query: {
    neighbourhood: async (_parent, args, { neo4j, pg, loaders }) => {
      const query = {
        trackId: requireNumericId('trackId', args.trackId),
        depth: requireRange('depth', args.depth ?? 1, 1, 3),
        minWeight: requireRange('minWeight', args.minWeight ?? 1, 1, 1_000_000),
        limit: requireRange('limit', args.limit ?? 50, 1, 500),
        direction: args.direction ?? 'BOTH',
      };
      const lens = readLens(args.lens);
      if (lens) {
        const loadTracks = async (ids: number[]) => (await loaders.track.loadMany(ids)).map((t) => (t instanceof Error ? null : t));
        return fetchLensNeighbourhood(pg, loadTracks, lens, query);
      }
      const row = await fetchNeighbourhood(neo4j, query);
      if (row) loaders.primeTracks(row.nodes);
      return row;
    },
    transition: async (_parent, { fromId, toId, lens: lensInput }, { neo4j, pg }) => {
      const from = requireNumericId('fromId', fromId);
      const to = requireNumericId('toId', toId);
      const lens = readLens(lensInput);
      if (!lens) return fetchTransition(neo4j, from, to);
      return (await fetchLensEdges(pg, lens, [from], 'OUT', 1)).find((edge) => edge.toId === to) ?? null;
    },
    path: async (_parent, { fromId, toId, maxHops, lens: lensInput }, { neo4j, pg }) => {
      const from = requireNumericId('fromId', fromId);
      const to = requireNumericId('toId', toId);
      if (from === to) throw badInput('fromId and toId must be different tracks', 'toId');
      const hops = requireRange('maxHops', maxHops ?? 6, 1, 8);
      const lens = readLens(lensInput);
      return findMostTravelledPath(lens ? lensOutEdges(pg, lens) : goldOutEdges(neo4j), from, to, hops);
    },
    recommendations: async (_parent, { trackId, first }, { pg, loaders }) => {
      const rows = await fetchRecommendations(pg, requireNumericId('trackId', trackId), requireRange('first', first ?? 10, 1, 50));
      const tracks = await loaders.track.loadMany(rows.map((r) => r.id));
      return rows.flatMap((r, i) => {
        const track = tracks[i];
        return track && !(track instanceof Error) ? [{ track, score: r.score, sharedSetlists: r.sharedSetlists }] : [];
      });
    },
    topTransitions: async (_parent, { first, after }, { neo4j }) => {
      const size = requireRange('first', first ?? 20, 1, 100);
      const offset = decodeCursor(after);
      return toConnection(await fetchTopTransitions(neo4j, offset, size + 1), size, offset);
    },
  },
  Transition: {
    // Synchronous when the edge came with its ends: a neighbourhood of 500 edges then costs no promise per end.
    from: (edge, _args, { loaders }) => edge.ends?.from ?? endOf((id) => loaders.track.load(id), edge.fromId),
    to: (edge, _args, { loaders }) => edge.ends?.to ?? endOf((id) => loaders.track.load(id), edge.toId),
    setlists: async (edge, { first, after }, { loaders }) => {
      const size = requireRange('first', first ?? 10, 1, 50);
      const offset = decodeCursor(after);
      const pair = `${edge.fromId}:${edge.toId}`;
      const all = await loaders.setlists.load(edge.lens ? `${pair}|${JSON.stringify(edge.lens)}` : pair);
      return { ...toConnection(all.slice(offset, offset + size + 1), size, offset), totalCount: all.length };
    },
  },
  Setlist: {
    id: (setlist) => String(setlist.id),
  },
  Path: {
    tracks: async (path, _args, { loaders }) => Promise.all(path.trackIds.map((id) => endOf((i) => loaders.track.load(i), id))),
    transitions: (path) => path.transitions,
    hops: (path) => path.transitions.length,
  },
};

export type { TransitionRow };
