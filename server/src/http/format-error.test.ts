import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { createErrorFormatter } from './format-error';

const logger = pino({ level: 'silent' });
const formatted = (message: string, code?: string, extra: Record<string, unknown> = {}): GraphQLFormattedError => ({
  message,
  path: ['track'],
  extensions: code ? { code, ...extra } : { ...extra },
});

describe('the error formatter (every transport)', () => {
  const production = createErrorFormatter(logger, true);
  const development = createErrorFormatter(logger, false);

  it('keeps errors raised on purpose, with their stable code and extras', () => {
    const error = formatted('limit must be a whole number from 1 to 500 (got 501)', 'BAD_USER_INPUT', { argument: 'limit' });
    expect(production(error, new GraphQLError(error.message))).toBe(error);
    for (const code of ['NOT_FOUND', 'UNAUTHENTICATED', 'RATE_LIMITED', 'UNAVAILABLE', 'INTERNAL']) {
      expect(production(formatted('m', code), null).extensions?.code).toBe(code);
    }
  });

  it("turns the client's own mistakes into BAD_USER_INPUT with the original code as reason", () => {
    for (const code of [
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_REQUEST',
      'OPERATION_RESOLUTION_FAILURE',
      'PERSISTED_QUERY_NOT_SUPPORTED',
    ]) {
      expect(development(formatted('m', code), null).extensions).toEqual({ code: 'BAD_USER_INPUT', reason: code });
    }
  });

  it('in production drops the "Did you mean" hint that would spell out the schema', () => {
    const error = formatted('Cannot query field "trak" on type "Query". Did you mean "track"?', 'GRAPHQL_VALIDATION_FAILED');
    expect(production(error, null).message).toBe('Cannot query field "trak" on type "Query".');
    expect(development(error, null).message).toMatch(/Did you mean "track"\?/);
  });

  it('masks anything unexpected in production (message INTERNAL), logs it, and keeps it readable in development', () => {
    const errors: unknown[] = [];
    const spy = { error: (fields: { err: unknown }) => void errors.push(fields.err) } as unknown as pino.Logger;
    const secret = new Error('Neo4j: The client is unauthorized due to authentication failure (password=hunter2)');
    const masked = createErrorFormatter(spy, true)(formatted(secret.message), secret);
    expect(masked).toEqual({ message: 'Internal error', path: ['track'], locations: undefined, extensions: { code: 'INTERNAL' } });
    expect(errors).toEqual([secret]);
    expect(createErrorFormatter(spy, false)(formatted(secret.message), secret).message).toBe(secret.message);
  });
});
