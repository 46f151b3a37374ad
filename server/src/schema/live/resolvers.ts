import { NOTIFY_CHANNELS } from '@songnodes/contracts';
import type { Resolvers } from '../../generated/graphql';
import { subscribeTo } from '../../live/events';
import { requireNumericId } from '../../errors';

/** `graphChanged` for the ids a client watches (every change when it watches none); ids only, like the NOTIFY. */
export const liveResolvers: Resolvers = {
  Subscription: {
    graphChanged: {
      subscribe: (_parent, { trackIds }, { events }) => {
        const watched = new Set((trackIds ?? []).map((id) => requireNumericId('trackIds', id)));
        return subscribeTo(events, NOTIFY_CHANNELS.graphChanged, (payload) => {
          const ids = payload.trackIds;
          const relevant = watched.size === 0 ? ids : ids.filter((id) => watched.has(id));
          return relevant.length === 0 ? null : { graphChanged: { trackIds: relevant.map(String), at: new Date().toISOString() } };
        });
      },
    },
    crawlProgress: {
      subscribe: (_parent, _args, { events }) =>
        subscribeTo(events, NOTIFY_CHANNELS.crawlProgress, (p) => {
          return {
            crawlProgress: {
              runId: p.runId == null ? null : String(p.runId),
              source: p.source,
              event: p.event,
              targetId: p.targetId == null ? null : String(p.targetId),
              detail: p.detail === undefined ? null : JSON.stringify(p.detail),
              at: new Date().toISOString(),
            },
          };
        }),
    },
  },
};
