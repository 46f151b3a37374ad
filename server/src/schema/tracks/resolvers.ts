import type { Resolvers } from '../../generated/graphql';
import { requireNumericId, requireRange } from '../../errors';
import { decodeCursor, toConnection } from '../../paging';
import { fetchArtist, fetchArtistTracks, searchTracks } from './data';

export const trackResolvers: Resolvers = {
  Query: {
    track: (_parent, { id }, { loaders }) => loaders.track.load(requireNumericId('id', id)),
    artist: (_parent, { id }, { neo4j }) => fetchArtist(neo4j, requireNumericId('id', id)),
    searchTracks: async (_parent, { query, first, after }, { neo4j, loaders }) => {
      const size = requireRange('first', first ?? 10, 1, 50);
      if (query.length > 200) requireRange('query length', query.length, 1, 200);
      const offset = decodeCursor(after);
      const rows = await searchTracks(neo4j, query, offset, size + 1);
      loaders.primeTracks(rows);
      const connection = toConnection(rows, size, offset);
      return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, score: edge.node.score })) };
    },
  },
  Track: {
    id: (track) => String(track.id),
    credits: (track, _args, { loaders }) => loaders.credits.load(track.id),
    strongestIncoming: (track, { first }, { loaders }) =>
      loaders.strongest.load(`in:${requireRange('first', first ?? 5, 1, 50)}:${track.id}`),
    strongestOutgoing: (track, { first }, { loaders }) =>
      loaders.strongest.load(`out:${requireRange('first', first ?? 5, 1, 50)}:${track.id}`),
  },
  Artist: {
    id: (artist) => String(artist.id),
    tracks: (artist, { first }, { neo4j }) => fetchArtistTracks(neo4j, artist.id, requireRange('first', first ?? 20, 1, 100)),
  },
};
