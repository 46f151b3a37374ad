import type { ApolloServerPlugin } from '@apollo/server';

/**
 * HTTP status of a well-formed request GraphQL refused as a whole (no `data`: a parse or validation failure, a
 * variable that did not coerce, a query over its cost). The GraphQL-over-HTTP spec asks for 200 when the response is
 * `application/json` (clients of that media type read errors from the body, and proxies must not retry them) and
 * a 4xx when it is `application/graphql-response+json`. Apollo answers 400 for both, and 500 for an error a plugin
 * raised before execution (the cost limit); this sets what the spec asks, and leaves server failures alone.
 */
export function responseStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          if (response.body.kind !== 'single' || response.body.singleResult.data !== undefined || !errors?.length) return;
          // A malformed request (Apollo's BAD_REQUEST: no query, a query that is not a string...) keeps its 400.
          const refused = response.body.singleResult.errors ?? [];
          if (
            refused.length === 0 ||
            !refused.every((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.extensions.reason !== 'BAD_REQUEST')
          )
            return;
          response.http.status = answersLegacyJson(request.http?.headers.get('accept')) ? 200 : 400;
        },
      };
    },
  };
}

/** q of `type` in an Accept header: its own entry, else application/*, else * / *; 0 when not accepted. */
function qualityOf(accept: string, type: string): number {
  let best = { specificity: -1, q: 0 };
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const specificity = range === type ? 2 : range === 'application/*' ? 1 : range === '*/*' ? 0 : -1;
    if (specificity <= best.specificity) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    best = { specificity, q: q === undefined ? 1 : Number(q) };
  }
  return best.q;
}

/**
 * Whether Apollo answers `application/json` (its choice when both are equally acceptable, or with no Accept)
 * rather than `application/graphql-response+json`.
 */
export function answersLegacyJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return qualityOf(accept, 'application/json') >= qualityOf(accept, 'application/graphql-response+json');
}
