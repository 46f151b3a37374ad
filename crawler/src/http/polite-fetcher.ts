import { setTimeout as sleep } from 'node:timers/promises';
import { NonRetryableError, RetryableError, ShutdownError, SourceStoppedError, describeError } from '../errors';
import type { RequestStatus } from '../health/metrics';
import type { CircuitBreaker } from './circuit-breaker';
import { RobotsCache } from './robots';

/** Options of one source's fetcher. Every delay is configurable; tests set them to 0. */
export interface PoliteFetcherOptions {
  source: string;
  userAgent: string;
  /** minimum time between the starts of two requests to this source */
  minDelayMs: number;
  timeoutMs: number;
  /** retries after the first attempt, on 429, 5xx, timeouts and network errors */
  maxRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  breaker: CircuitBreaker;
  /** @default true */
  respectRobotsTxt?: boolean;
  /** extra headers on every request (API keys) */
  headers?: Record<string, string>;
  /** called before every network request; throw SourceStoppedError to stop (daily caps) */
  beforeRequest?: () => Promise<void>;
  onRetry?: (info: { url: string; attempt: number; delayMs: number; why: string }) => void;
  /** called after every network request with its HTTP status, or how it failed without one (metrics) */
  onResponse?: (status: RequestStatus) => void;
  /** aborted when the worker stops: waits and requests end at once with ShutdownError */
  signal?: AbortSignal;
}

/** A response as the crawler keeps it (bronze.pages). */
export interface FetchedPage {
  url: string;
  status: number;
  contentType: string | null;
  body: string;
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 524]);

/**
 * HTTP for one source, polite by construction: one request at a time with a minimum delay between them,
 * robots.txt honoured, an identifying User-Agent, retries with exponential backoff (Retry-After wins when it asks
 * for longer), and a circuit breaker that stops the source after repeated failures. Non-2xx answers that are not
 * worth retrying (404...) are returned, not thrown: the caller knows what a 404 means for its API.
 */
export class PoliteFetcher {
  private lastRequestAt = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly robots: RobotsCache;

  constructor(private readonly options: PoliteFetcherOptions) {
    this.robots = new RobotsCache(options.userAgent, async (robotsUrl) => {
      const response = await this.request(robotsUrl);
      return response.status >= 200 && response.status < 300 ? response.body : null;
    });
  }

  /** GETs `url` (serialised with every other request of this fetcher). */
  get(url: string): Promise<FetchedPage> {
    const next = this.queue.then(() => this.getWithRetries(url));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async getWithRetries(url: string): Promise<FetchedPage> {
    const { breaker, source } = this.options;
    this.throwIfStopping();
    if (breaker.isOpen) throw new SourceStoppedError(source, `paused: ${breaker.reason}`);
    if (this.options.respectRobotsTxt !== false && !(await this.robots.isAllowed(url))) {
      throw new NonRetryableError(`robots.txt of ${new URL(url).origin} disallows ${url}`);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const page = await this.request(url);
        if (RETRYABLE_STATUS.has(page.status)) {
          throw new RetryableError(`HTTP ${page.status} from ${url}`, retryAfterMs(page));
        }
        breaker.recordSuccess();
        return page;
      } catch (error) {
        if (!(error instanceof RetryableError)) throw error;
        if (attempt >= this.options.maxRetries) {
          breaker.recordFailure(error.message);
          throw new RetryableError(`${error.message} (gave up after ${attempt + 1} attempts)`, error.retryAfterMs);
        }
        const backoff = Math.min(this.options.backoffBaseMs * 2 ** attempt, this.options.backoffMaxMs);
        const delayMs = Math.max(backoff, Math.min(error.retryAfterMs ?? 0, this.options.backoffMaxMs));
        this.options.onRetry?.({ url, attempt: attempt + 1, delayMs, why: error.message });
        await this.sleep(delayMs);
      }
    }
  }

  private async request(url: string): Promise<FetchedPage & { retryAfter?: string | null }> {
    await this.options.beforeRequest?.();
    const wait = this.lastRequestAt + this.options.minDelayMs - Date.now();
    if (wait > 0) await this.sleep(wait);
    this.throwIfStopping();
    this.lastRequestAt = Date.now();
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': this.options.userAgent, ...this.options.headers },
        signal: this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout,
        redirect: 'follow',
      });
      // PostgreSQL text cannot hold NUL: keep the evidence storable, and let the parsers' corruption check see it.
      const body = (await response.text()).replace(/\u0000/g, '\uFFFD');
      this.options.onResponse?.(response.status);
      return {
        url: response.url || url,
        status: response.status,
        contentType: response.headers.get('content-type'),
        body,
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (error) {
      this.options.onResponse?.(this.options.signal?.aborted ? 'aborted' : timeout.aborted ? 'timeout' : 'network');
      this.throwIfStopping();
      // Timeouts, resets and bodies cut short: the page may well be there next time.
      throw new RetryableError(`${describeError(error)} while fetching ${url}`);
    }
  }

  private throwIfStopping(): void {
    if (this.options.signal?.aborted) throw new ShutdownError(`the worker is stopping; ${this.options.source} request not made`);
  }

  /** Waits `ms`, or less when the worker stops. */
  private async sleep(ms: number): Promise<void> {
    try {
      await sleep(ms, undefined, this.options.signal ? { signal: this.options.signal } : undefined);
    } catch {
      this.throwIfStopping();
    }
  }
}

function retryAfterMs(page: { retryAfter?: string | null }): number | null {
  if (!page.retryAfter) return null;
  const seconds = Number(page.retryAfter);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(page.retryAfter);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
