/**
 * What a failure means for the crawl (Crawlee's own split): retry the request, give up on this request only,
 * or stop crawling the source.
 */

/** Worth another try later (429, 5xx, timeout, network). `retryAfterMs` is the source's own hint, if any. */
export class RetryableError extends Error {
  constructor(message: string, readonly retryAfterMs: number | null = null) {
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
  constructor(readonly source: string, readonly reason: string) {
    super(`${source}: ${reason}`);
    this.name = 'SourceStoppedError';
  }
}

/** The message of anything thrown, for logs and ops tables. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
