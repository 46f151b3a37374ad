import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

const STABLE_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'RATE_LIMITED', 'INTERNAL', 'UNAVAILABLE']);
/** Apollo's own codes for requests the client got wrong. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Every error leaves with a stable `extensions.code`. Errors we raised on purpose keep their message; errors the
 * client caused keep theirs as BAD_USER_INPUT; anything unexpected is logged in full and, in production, masked.
 * Used by every transport (Apollo over HTTP, the gate's refusals, graphql-ws). In production a validation message
 * loses its "Did you mean ...?" hint, which would spell out the schema that introspection no longer shows.
 */
export function createErrorFormatter(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    if (STABLE_CODES.has(code)) return formatted;
    if (CLIENT_CODES.has(code)) {
      const message = production ? formatted.message.replace(/ Did you mean .*\?$/, '') : formatted.message;
      return { ...formatted, message, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', reason: code } };
    }
    logger.error({ err: error, path: formatted.path }, 'unexpected error in a GraphQL request');
    return {
      message: production ? 'Internal error' : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL' },
    };
  };
}
