import type { Resolvers } from '../../generated/graphql';
import { badInput, requireNumericId, requireRange } from '../../errors';
import { decodeCursor, toConnection } from '../../paging';
import { fetchDateRange, fetchDjs, fetchTopTracks, fetchTrackTransitions } from './data';
import { readLens } from './lens';

/** The explorer's front page and directed lists (issue 14): gold without a lens, silver's setlists with one. */
export const exploreResolvers: Resolvers = {
  Query: {
    topTracks: async (_parent, { first, after, lens }, { neo4j, pg, loaders }) => {
      const size = requireRange('first', first ?? 20, 1, 50);
      const offset = decodeCursor(after);
      const rows = await fetchTopTracks(neo4j, pg, readLens(lens), offset, size + 1);
      const connection = toConnection(rows, size, offset);
      // under a lens plays (and the score) are the lens's; the loader keeps gold's, so nothing is primed then
      if (!lens) loaders.primeTracks(rows);
      return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, score: edge.node.plays })) };
    },
    transitions: async (_parent, { trackId, direction, orderBy, lens, first, after }, { neo4j, pg }) => {
      if (direction === 'BOTH') throw badInput('direction must be IN (played right before) or OUT (played right after)', 'direction');
      const size = requireRange('first', first ?? 25, 1, 100);
      const offset = decodeCursor(after);
      const rows = await fetchTrackTransitions(neo4j, pg, {
        trackId: requireNumericId('trackId', trackId),
        outgoing: direction === 'OUT',
        orderBy: orderBy ?? 'WEIGHT',
        lens: readLens(lens),
        skip: offset,
        limit: size + 1,
      });
      return toConnection(rows, size, offset);
    },
    djs: async (_parent, { query, ids, first, after }, { pg }) => {
      const size = requireRange('first', first ?? 20, 1, 50);
      const offset = decodeCursor(after);
      const text = query?.trim() || null;
      if (text !== null && text.length > 100) throw badInput('query must be at most 100 characters', 'query');
      if (ids && ids.length > 50) throw badInput(`ids takes at most 50 DJs (got ${ids.length})`, 'ids');
      const keep = ids ? ids.map((id) => requireNumericId('ids', id)) : null;
      return toConnection(await fetchDjs(pg, text, offset, size + 1, keep), size, offset);
    },
    dateRange: (_parent, _args, { pg }) => fetchDateRange(pg),
  },
};
