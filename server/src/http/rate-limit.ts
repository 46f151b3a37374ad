/** Options of the per-client rate limit (a token bucket per client address). */
export interface RateLimitOptions {
  /** requests per second a client may sustain @default 50 */
  perSecond: number;
  /** requests a client may send at once @default 200 */
  burst: number;
}

/** Token buckets by client key; `take` says whether one more request is allowed now. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  take(key: string, now = Date.now()): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, at: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.options.perSecond);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.buckets.clear(); // a flood of addresses must not grow memory forever
    return allowed;
  }
}
