import { requireAdmin } from '../../auth';
import { requireNumericId } from '../../errors';
import type { Resolvers } from '../../generated/graphql';
import { fetchTracklistImport, queueTracklistImport } from './data';
import { previewTracklist, requireTracklistText, tracklistFile } from './read';

/** Bring your own tracklist (issue 13 item 2): preview a paste, queue it for a crawl worker, follow the import. */
export const tracklistResolvers: Resolvers = {
  Query: {
    previewTracklist: (_parent, { text }) => previewTracklist(requireTracklistText(text)),
    tracklistImport: (_parent, { id }, { pg }) => fetchTracklistImport(pg, requireNumericId('id', id)),
  },
  Mutation: {
    importTracklist: async (_parent, args, context) => {
      requireAdmin(context, 'importTracklist');
      return queueTracklistImport(context.pg, tracklistFile(args));
    },
  },
};
