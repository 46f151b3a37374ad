import { isNeo4jReachable, isPostgresReachable } from '../../db/health-checks';
import type { Resolvers } from '../../generated/graphql';
import { serverVersion as version } from '../../paths';

export const healthResolvers: Resolvers = {
  Query: {
    health: async (_parent, _args, { pg, neo4j }) => {
      const [postgres, graph] = await Promise.all([isPostgresReachable(pg), isNeo4jReachable(neo4j)]);
      return { ok: postgres && graph, postgres, neo4j: graph, version };
    },
  },
};
