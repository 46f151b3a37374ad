import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a burst, then refuses with the seconds until the window ends', async () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 3 });
    expect(await limiter.spend('a', 1)).toEqual({ allowed: true });
    expect(await limiter.spend('a', 2)).toEqual({ allowed: true });
    // a window of burst / perSecond = 3 s, just begun
    expect(await limiter.spend('a', 1)).toEqual({ allowed: false, retryAfterSeconds: 3 });
  });

  it('counts work units, not calls: one costly operation can spend the whole burst', async () => {
    const limiter = new RateLimiter({ perSecond: 10, burst: 100 });
    expect(await limiter.spend('a', 100)).toEqual({ allowed: true });
    expect((await limiter.spend('a', 1)).allowed).toBe(false);
  });

  it('keeps one budget per client', async () => {
    const limiter = new RateLimiter({ perSecond: 0.1, burst: 1 });
    expect((await limiter.spend('a', 1)).allowed).toBe(true);
    expect((await limiter.spend('a', 1)).allowed).toBe(false);
    expect((await limiter.spend('b', 1)).allowed).toBe(true);
  });

  it('a refused spend costs nothing: what is left can still be spent', async () => {
    const limiter = new RateLimiter({ perSecond: 0.1, burst: 5 });
    expect((await limiter.spend('a', 3)).allowed).toBe(true);
    expect((await limiter.spend('a', 3)).allowed).toBe(false);
    expect((await limiter.spend('a', 2)).allowed).toBe(true);
    expect((await limiter.spend('a', 1)).allowed).toBe(false);
  });

  it('spending nothing is always allowed', async () => {
    const limiter = new RateLimiter({ perSecond: 0.1, burst: 1 });
    await limiter.spend('a', 5);
    expect(await limiter.spend('a', 0)).toEqual({ allowed: true });
  });
});
