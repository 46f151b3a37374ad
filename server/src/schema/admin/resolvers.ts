import { timingSafeEqual } from 'node:crypto';
import type { GraphQLContext } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { badInput, notFound, requireNumericId, unauthenticated } from '../../errors';
import { addTarget, requestCrawl, requestSync } from './data';

/** Mutations need `Authorization: Bearer <SONGNODES_ADMIN_TOKEN>`; without a configured token they are off. */
function requireAdmin({ config, token }: GraphQLContext): void {
  if (config.adminToken === '') throw unauthenticated('mutations are disabled: the server has no SONGNODES_ADMIN_TOKEN');
  const given = Buffer.from(token ?? '');
  const wanted = Buffer.from(config.adminToken);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw unauthenticated('send Authorization: Bearer <SONGNODES_ADMIN_TOKEN> to use mutations');
  }
}

function requireText(argument: string, value: string): string {
  const text = value.trim();
  if (text === '' || text.length > 300) throw badInput(`${argument} must be 1-300 characters`, argument);
  return text;
}

export const adminResolvers: Resolvers = {
  Mutation: {
    addTargetTrack: (_parent, { artist, title }, context) => {
      requireAdmin(context);
      return addTarget(context.pg, requireText('artist', artist), requireText('title', title));
    },
    requestCrawl: async (_parent, { targetId }, context) => {
      requireAdmin(context);
      const target = await requestCrawl(context.pg, requireNumericId('targetId', targetId));
      if (!target) throw notFound(`no target ${targetId}`);
      return target;
    },
    requestSync: async (_parent, _args, context) => {
      requireAdmin(context);
      await requestSync(context.pg);
      return true;
    },
  },
  TargetTrackSearch: {
    id: (target) => String(target.id),
  },
};
