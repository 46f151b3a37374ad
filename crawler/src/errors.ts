/**
 * What a failure means for the crawl (Crawlee's own split): retry the request, give up on this request only,
 * or stop crawling the source — and, apart from those three, failures that are ours and not the source's.
 *
 * Only the source's own answers count against it: an HTTP status, an anti-bot page, a timeout or a network error
 * while talking to it. Our side (Crawlee's files on disk, PostgreSQL, a bug) never pauses a source nor marks a
 * target blocked: after SIGKILLed runs, a damaged Crawlee state used to pause MixesDB for an hour (issue 11).
 */

/** Worth another try later (429, 5xx, timeout, network). `retryAfterMs` is the source's own hint, if any. */
export class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'RetryableError';
  }
}

/** This request will not succeed as asked (404, robots.txt disallow, malformed response); others may. */
export class NonRetryableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonRetryableError';
  }
}

/** Stop crawling this source now (anti-bot page, circuit breaker open, daily cap reached). */
export class SourceStoppedError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'SourceStoppedError';
  }
}

/** Where a local failure happened: Crawlee's persisted state, PostgreSQL, or anywhere else in our code. */
export type LocalFailureKind = 'crawl-state' | 'database' | 'internal';
export const LOCAL_FAILURE_KINDS: readonly LocalFailureKind[] = ['crawl-state', 'database', 'internal'];

/** A failure on our side: reported as such, retried soon, never held against the source. */
export class LocalFailureError extends Error {
  constructor(
    readonly kind: LocalFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`local failure (${kind}), not the source's: ${message}`, options);
    this.name = 'LocalFailureError';
  }
}

/** The worker is stopping (SIGTERM): whatever was in progress is given back, not recorded as a failure. */
export class ShutdownError extends Error {
  constructor(message = 'the worker is stopping') {
    super(message);
    this.name = 'ShutdownError';
  }
}

/** The message of anything thrown, for logs and ops tables. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True for what the source itself answered or failed to answer (the only failures its breaker may count). */
export function isSourceError(error: unknown): boolean {
  return error instanceof RetryableError || error instanceof NonRetryableError || error instanceof SourceStoppedError;
}

// What node-postgres throws when the connection, not the statement, fails (pg 8 / pg-pool 3 messages).
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end',
  'Query read timeout',
];

/**
 * PostgreSQL failed us: a server-side error (it carries a five-character SQLSTATE and a severity) or a lost or
 * refused connection. Requests to sources never surface here raw: the polite fetcher wraps every network error
 * in RetryableError, so a bare ECONNREFUSED comes from the database.
 */
export function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; severity?: unknown; syscall?: unknown };
  if (typeof e.severity === 'string' && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return true;
  if (PG_CONNECTION_MESSAGES.some((m) => e.message.includes(m))) return true;
  return typeof e.syscall === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(String(e.code));
}

/** The local failure kind of `error`, or null when it is the source's (or a shutdown). */
export function localFailureKind(error: unknown): LocalFailureKind | null {
  if (error instanceof LocalFailureError) return error.kind;
  if (isSourceError(error) || error instanceof ShutdownError) return null;
  return isDatabaseError(error) ? 'database' : 'internal';
}
