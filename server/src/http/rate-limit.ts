import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Options of the per-client rate limit, in work units (an operation spends one unit per `costPerUnit` of cost). */
export interface RateLimitOptions {
  /** work units a client may sustain per second @default 50 */
  perSecond: number;
  /** work units a client may spend at once @default 200 */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 50, burst: 200 };

/** What the limiter says about one spend: allowed, or refused with the seconds until the budget is back. */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const ALLOWED: RateVerdict = { allowed: true };

/**
 * Work-unit budgets by client key (its address), shared by every transport: a client spending its budget over
 * HTTP has none left for graphql-ws. rate-limiter-flexible's in-memory limiter counts `burst` units per window of
 * `burst / perSecond` seconds (a fixed window: at most `burst` at once, `perSecond` on average) and forgets a
 * client's window when it ends, so a flood of addresses does not grow memory for long.
 */
export class RateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(options: RateLimitOptions = DEFAULT_RATE_LIMIT) {
    this.limiter = new RateLimiterMemory({ points: options.burst, duration: Math.max(1, Math.ceil(options.burst / options.perSecond)) });
  }

  /** Spends `units` of `client`'s budget when it has them; a refused spend costs nothing. */
  async spend(client: string, units: number): Promise<RateVerdict> {
    if (units <= 0) return ALLOWED;
    try {
      await this.limiter.consume(client, units);
      return ALLOWED;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      // The limiter counts a refused consume too; the operation it was for does not run, so it is given back.
      await this.limiter.reward(client, units);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
  }
}
