import type { Resolvers } from '../../generated/graphql';
import { requireNumericId, requireRange } from '../../errors';
import { fetchNextTracks } from './data';

export const nextTrackResolvers: Resolvers = {
  Query: {
    nextTracks: async (_parent, { trackId, first }, { pg, loaders }) => {
      const rows = await fetchNextTracks(pg, requireNumericId('trackId', trackId), requireRange('first', first ?? 10, 1, 50));
      // A suggestion the graph cannot show (not synced yet, or guarded out) is left out rather than an error.
      const tracks = await loaders.track.loadMany(rows.map((r) => r.id));
      return rows.flatMap((row, i) => {
        const track = tracks[i];
        return track && !(track instanceof Error) ? [{ ...row, track }] : [];
      });
    },
  },
};
