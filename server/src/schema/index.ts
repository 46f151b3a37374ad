import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { serverRoot } from '../paths';
import { adminResolvers } from './admin/resolvers';
import { analyticsResolvers } from './analytics/resolvers';
import { crawlResolvers } from './crawl/resolvers';
import { exploreResolvers } from './explore/resolvers';
import { graphResolvers } from './graph/resolvers';
import { healthResolvers } from './health/resolvers';
import { liveResolvers } from './live/resolvers';
import { nextTrackResolvers } from './next-tracks/resolvers';
import { statsResolvers } from './stats/resolvers';
import { tracklistResolvers } from './tracklists/resolvers';
import { trackResolvers } from './tracks/resolvers';

/** Each domain: its SDL in src/schema/<domain>/schema.graphql and its resolvers beside it. */
const domains = [
  { name: 'health', resolvers: healthResolvers },
  { name: 'stats', resolvers: statsResolvers },
  { name: 'tracks', resolvers: trackResolvers },
  { name: 'graph', resolvers: graphResolvers },
  { name: 'next-tracks', resolvers: nextTrackResolvers },
  { name: 'analytics', resolvers: analyticsResolvers },
  { name: 'explore', resolvers: exploreResolvers },
  { name: 'crawl', resolvers: crawlResolvers },
  { name: 'tracklists', resolvers: tracklistResolvers },
  { name: 'admin', resolvers: adminResolvers },
  { name: 'live', resolvers: liveResolvers },
];

function readSdl(...path: string[]): string {
  return readFileSync(join(serverRoot, 'src', 'schema', ...path), 'utf8');
}

/** The executable schema: base SDL + every domain's SDL and resolvers. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: [readSdl('base.graphql'), ...domains.map((d) => readSdl(d.name, 'schema.graphql'))],
    resolvers: domains.map((d) => d.resolvers),
  });
}
