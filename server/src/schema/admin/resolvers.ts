import { checkTargetTrack } from '@songnodes/contracts';
import { requireAdmin } from '../../auth';
import type { Resolvers } from '../../generated/graphql';
import { badInput, notFound, requireNumericId } from '../../errors';
import { addTarget, requestCrawl, requestSync } from './data';

/** A target's artist and title, checked as every way in checks them (@songnodes/contracts checkTargetTrack). */
export function requireTargetTrack(artist: string, title: string): { artist: string; title: string } {
  const check = checkTargetTrack(artist, title);
  if (!check.ok) throw badInput(check.reason, check.field);
  return check;
}

export const adminResolvers: Resolvers = {
  Mutation: {
    addTargetTrack: (_parent, { artist, title }, context) => {
      requireAdmin(context);
      const track = requireTargetTrack(artist, title);
      return addTarget(context.pg, track.artist, track.title);
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
