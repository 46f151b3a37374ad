import { GraphQLError } from 'graphql';

/** Stable `extensions.code`s clients can rely on. */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'RATE_LIMITED' | 'INTERNAL' | 'UNAVAILABLE';

/** An error the client caused or can act on; its message is safe to show. */
export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (message: string, argument?: string) => new ApiError('BAD_USER_INPUT', message, argument ? { argument } : {});
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
  if (!/^\d{1,15}$/.test(id))
    throw badInput(`${argument} must be a track/artist id (digits), got ${JSON.stringify(id).slice(0, 60)}`, argument);
  return Number(id);
}

/**
 * What went wrong with a database call, as far as the client can act on it:
 * - `too-slow`: the database ran the statement and stopped it at its timeout: the question was too big.
 * - `not-answering`: no answer in time before any statement ran (connecting, acquiring a connection, or our own
 *   deadline on a server that accepted the connection and went silent): the database is hung or overloaded.
 * - `unreachable`: refused, reset or terminated connections, a server starting up or shutting down.
 * - `other`: a bug or a bad statement: INTERNAL, logged and masked.
 */
export type DatabaseFailure = 'too-slow' | 'not-answering' | 'unreachable' | 'other';

/** SQLSTATEs of a PostgreSQL that is going away or not there yet (class 08: connection exceptions). */
const PG_UNREACHABLE = /^(08...|57P01|57P02|57P03|53300)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres raises these as plain Errors without a code. */
const PG_CONNECTION_LOST = /Connection terminated|Client has encountered a connection error|not queryable|terminating connection/i;
const NOT_ANSWERING =
  /timeout exceeded when trying to connect|Connection acquisition timed out|Failed to establish connection in|Query read timeout|ETIMEDOUT/i;

/** Sorts a driver error (neo4j-driver or node-postgres) into what the client should be told. */
export function classifyDatabaseError(error: unknown): DatabaseFailure {
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = String((error as Error)?.message ?? '');
  if (error instanceof DatabaseDeadlineError) return 'not-answering';
  if (
    code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' ||
    code === '57014'
  ) {
    return 'too-slow';
  }
  if (code === 'ETIMEDOUT' || NOT_ANSWERING.test(message)) return 'not-answering';
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    NETWORK_CODES.has(code) ||
    PG_UNREACHABLE.test(code) ||
    PG_CONNECTION_LOST.test(message)
  ) {
    return 'unreachable';
  }
  return 'other';
}

/** Our own client-side deadline on a database call expired: the server accepted the call and never answered. */
export class DatabaseDeadlineError extends Error {
  readonly code = 'SONGNODES_DEADLINE';
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what}: no answer within ${ms} ms`);
  }
}

/**
 * Turns a database failure into what the client should know: a statement stopped at its timeout says "ask a smaller
 * question"; a database that is down or silent says "try again shortly" (both UNAVAILABLE, with messages that tell
 * them apart); anything else is INTERNAL, logged in full by the error formatter and masked to the client.
 */
export function translateDatabaseError(error: unknown, what: string): never {
  if (error instanceof GraphQLError) throw error;
  switch (classifyDatabaseError(error)) {
    case 'too-slow':
      throw new ApiError('UNAVAILABLE', `${what} took too long; try a smaller depth or limit`, { reason: 'QUERY_TIMEOUT' });
    case 'not-answering':
      throw new ApiError('UNAVAILABLE', `${what}: the database is not answering (hung or overloaded); try again shortly`, {
        reason: 'DATABASE_NOT_ANSWERING',
      });
    case 'unreachable':
      throw new ApiError('UNAVAILABLE', `${what}: the database is not reachable right now; try again shortly`, {
        reason: 'DATABASE_UNREACHABLE',
      });
    default:
      throw error;
  }
}
