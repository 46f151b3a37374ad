import type { Resolvers } from '../../generated/graphql';
import { requireRange } from '../../errors';
import type { TrackRow } from '../tracks/data';
import { fetchBridgeTracks, fetchCommunities } from './data';

export interface ScoredTrackRow {
  track: TrackRow;
  score: number;
}

export const analyticsResolvers: Resolvers = {
  Query: {
    bridgeTracks: async (_parent, { first }, { neo4j, loaders }) => {
      const rows = await fetchBridgeTracks(neo4j, requireRange('first', first ?? 20, 1, 100));
      const tracks = await loaders.track.loadMany(rows.map((r) => r.id));
      return rows.flatMap((r, i) => {
        const track = tracks[i];
        return track && !(track instanceof Error) ? [{ track, score: r.score }] : [];
      });
    },
    communities: (_parent, { first, minSize }, { neo4j }) =>
      fetchCommunities(neo4j, requireRange('minSize', minSize ?? 3, 1, 100_000), requireRange('first', first ?? 10, 1, 50)),
  },
  Community: {
    id: (community) => String(community.id),
    topTracks: async (community, _args, { loaders }) => {
      const tracks = await loaders.track.loadMany(community.topTrackIds);
      return tracks.filter((t): t is TrackRow => t !== null && !(t instanceof Error));
    },
  },
};
