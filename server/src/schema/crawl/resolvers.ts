import { targetTrackKey } from '@songnodes/contracts';
import DataLoader from 'dataloader';
import { isAdmin, requireAdmin } from '../../auth';
import type { GraphQLContext } from '../../context';
import { ApiError, badInput, notFound, requireNumericId, requireRange, unauthenticated } from '../../errors';
import type { Resolvers } from '../../generated/graphql';
import { decodeCursor, toConnection } from '../../paging';
import type { TargetRow } from '../admin/data';
import { requireTargetTrack } from '../admin/resolvers';
import {
  approveTrackRequest,
  fetchCrawlRuns,
  fetchRequestTargets,
  fetchSources,
  fetchTargets,
  fetchTrackRequest,
  fetchTrackRequests,
  pauseSource,
  rejectTrackRequest,
  resumeSource,
  saveTrackRequest,
  SOURCES,
  TARGET_STATUSES,
} from './data';

/** TrackRequest.targets in one query per request (a page of requests asks for all of theirs in one tick). */
const requestTargets = new WeakMap<GraphQLContext, DataLoader<string, TargetRow[]>>();
function targetsLoader(context: GraphQLContext) {
  let loader = requestTargets.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const found = await fetchRequestTargets(context.pg, ids);
      return ids.map((id) => found.get(id) ?? []);
    });
    requestTargets.set(context, loader);
  }
  return loader;
}

function requireSource(source: string): string {
  if (!(SOURCES as readonly string[]).includes(source))
    throw badInput(`source must be one of ${SOURCES.join(', ')} (got ${JSON.stringify(source).slice(0, 40)})`, 'source');
  return source;
}

async function sourceState(context: GraphQLContext, source: string) {
  const state = (await fetchSources(context.pg, context.config.setlistfmDailyCap)).find((s) => s.name === source);
  if (!state) throw notFound(`no source ${source}`);
  return state;
}

/** Anonymous requests are accepted only in public mode (the local user has the token). */
const anonymousRequests = (context: GraphQLContext) => context.config.authMode === 'public';

/** Watching the crawl and asking for tracks (issue 14 items 3-4). */
export const crawlResolvers: Resolvers = {
  Query: {
    targets: async (_parent, { status, first, after }, { pg }) => {
      const size = requireRange('first', first ?? 25, 1, 100);
      const offset = decodeCursor(after);
      const wanted = status?.toLowerCase() ?? null;
      if (wanted !== null && !(TARGET_STATUSES as readonly string[]).includes(wanted)) {
        throw badInput(`status must be one of ${TARGET_STATUSES.join(', ')} (got ${JSON.stringify(status).slice(0, 40)})`, 'status');
      }
      const { rows, total } = await fetchTargets(pg, wanted, offset, size + 1);
      return { ...toConnection(rows, size, offset), totalCount: total };
    },
    sources: (_parent, _args, { pg, config }) => fetchSources(pg, config.setlistfmDailyCap),
    crawlRuns: async (_parent, { first, after }, { pg }) => {
      const size = requireRange('first', first ?? 20, 1, 50);
      const offset = decodeCursor(after);
      return toConnection(await fetchCrawlRuns(pg, offset, size + 1), size, offset);
    },
    trackRequests: async (_parent, { status, first, after }, context) => {
      requireAdmin(context, 'trackRequests');
      const size = requireRange('first', first ?? 25, 1, 100);
      const offset = decodeCursor(after);
      return toConnection(await fetchTrackRequests(context.pg, status ?? null, offset, size + 1), size, offset);
    },
    viewer: (_parent, _args, context) => ({
      admin: isAdmin(context),
      authMode: context.config.authMode === 'local' ? 'LOCAL' : 'PUBLIC',
      anonymousRequests: anonymousRequests(context),
    }),
  },
  Mutation: {
    requestTrack: async (_parent, args, context) => {
      const { artist, title } = requireTargetTrack(args.artist, args.title);
      const key = targetTrackKey(artist, title);
      if (isAdmin(context)) {
        const saved = await saveTrackRequest(context.pg, artist, title, key, true);
        return (await approveTrackRequest(context.pg, Number(saved.id))) ?? saved;
      }
      if (!anonymousRequests(context)) {
        throw unauthenticated(
          context.config.adminToken === ''
            ? 'requestTrack needs the admin token, and the server has no SONGNODES_ADMIN_TOKEN'
            : 'requestTrack needs the admin token here (local mode): open the explorer from the link npm start printed',
        );
      }
      const verdict = await context.trackRequestLimiter.spend(context.client, 1);
      if (!verdict.allowed) {
        throw new ApiError('RATE_LIMITED', `too many track requests from this client; try again in ${verdict.retryAfterSeconds} s`, {
          retryAfterSeconds: verdict.retryAfterSeconds,
        });
      }
      return saveTrackRequest(context.pg, artist, title, key, false);
    },
    approveTrackRequest: async (_parent, { id }, context) => {
      requireAdmin(context);
      const approved = await approveTrackRequest(context.pg, requireNumericId('id', id));
      if (!approved) throw notFound(`no track request ${id}`);
      return approved;
    },
    rejectTrackRequest: async (_parent, { id }, context) => {
      requireAdmin(context);
      const requestId = requireNumericId('id', id);
      const rejected = await rejectTrackRequest(context.pg, requestId);
      if (rejected) return rejected;
      const existing = await fetchTrackRequest(context.pg, requestId);
      if (!existing) throw notFound(`no track request ${id}`);
      if (existing.status === 'REJECTED') return existing;
      throw badInput(`track request ${id} is already approved: its targets exist`, 'id');
    },
    pauseSource: async (_parent, { source, minutes, reason }, context) => {
      requireAdmin(context);
      const name = requireSource(source);
      const text = reason?.trim() || 'paused by hand';
      if (text.length > 300) throw badInput('reason must be at most 300 characters', 'reason');
      await pauseSource(context.pg, name, requireRange('minutes', minutes, 1, 60 * 24 * 30), text);
      return sourceState(context, name);
    },
    resumeSource: async (_parent, { source }, context) => {
      requireAdmin(context);
      const name = requireSource(source);
      await resumeSource(context.pg, name);
      return sourceState(context, name);
    },
  },
  TrackRequest: {
    targets: (request, _args, context) => (request.status === 'APPROVED' ? targetsLoader(context).load(request.id) : []),
  },
};
