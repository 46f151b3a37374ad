import type { Resolvers } from '../../generated/graphql';
import { readStats } from './data';

export const statsResolvers: Resolvers = {
  Query: {
    stats: async (_parent, _args, { pg }) => {
      const stats = await readStats(pg);
      return {
        ...stats,
        lastSyncAt: stats.lastSyncAt?.toISOString() ?? null,
        lastCrawlAt: stats.lastCrawlAt?.toISOString() ?? null,
        lastImportAt: stats.lastImportAt?.toISOString() ?? null,
      };
    },
  },
};
