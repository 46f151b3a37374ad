import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { serverRoot } from '../paths';
import { healthResolvers } from './health/resolvers';
import { statsResolvers } from './stats/resolvers';

/** Each domain: its SDL in src/schema/<domain>/schema.graphql and its resolvers beside it. */
const domains = [
  { name: 'health', resolvers: healthResolvers },
  { name: 'stats', resolvers: statsResolvers },
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
