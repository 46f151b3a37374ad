import { GraphQLError } from 'graphql';

/** Stable `extensions.code`s clients can rely on. */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'RATE_LIMITED' | 'INTERNAL' | 'UNAVAILABLE';

/** An error the client caused or can act on; its message is safe to show. */
export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (message: string, argument?: string) =>
  new ApiError('BAD_USER_INPUT', message, argument ? { argument } : {});
export const notFound = (message: string) => new ApiError('NOT_FOUND', message);
export const unauthenticated = (message: string) => new ApiError('UNAUTHENTICATED', message);

/** Checks an integer argument's range, naming the argument in the error. */
export function requireRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argument} must be a whole number from ${min} to ${max} (got ${value})`, argument);
  }
  return value;
}

/** Parses a GraphQL ID that must be one of our numeric ids. */
export function requireNumericId(argument: string, id: string): number {
  if (!/^\d{1,15}$/.test(id)) throw badInput(`${argument} must be a track/artist id (digits), got ${JSON.stringify(id).slice(0, 60)}`, argument);
  return Number(id);
}

/**
 * Turns a database failure into what the client should know: a timeout or an unreachable server says "try again"
 * (UNAVAILABLE); anything else is INTERNAL, logged in full by the error formatter and masked to the client.
 */
export function translateDatabaseError(error: unknown, what: string): never {
  if (error instanceof GraphQLError) throw error;
  const code = (error as { code?: string })?.code ?? '';
  if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code === '57014' || /timed? ?out/i.test(String((error as Error)?.message))) {
    throw new ApiError('UNAVAILABLE', `${what} took too long; try a smaller depth or limit`);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'ECONNREFUSED') {
    throw new ApiError('UNAVAILABLE', `${what}: the database is not reachable right now`);
  }
  throw error;
}
