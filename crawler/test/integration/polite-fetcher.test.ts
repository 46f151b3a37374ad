import { setTimeout as sleep } from 'node:timers/promises';
import { NonRetryableError, RetryableError, SourceStoppedError } from '../../src/errors';
import { CircuitBreaker } from '../../src/http/circuit-breaker';
import { PoliteFetcher, type PoliteFetcherOptions } from '../../src/http/polite-fetcher';
import { startReplayServer, type ReplayServer } from '../../src/replay';

// The fetcher every HTTP source uses, against the replay server over real HTTP.
describe('PoliteFetcher', () => {
  let replay: ReplayServer;
  beforeAll(async () => {
    replay = await startReplayServer({
      mixesdb: { pages: new Map([['2020-01-01 - Someone @ Somewhere', '== Tracklist ==\n# A - B\n']]) },
      robots: { mixesdb: 'User-agent: *\nDisallow: /w/private\n' },
    });
  });
  afterAll(() => replay.close());
  beforeEach(() => replay.clearFaults());

  const fetcher = (options: Partial<PoliteFetcherOptions> = {}) =>
    new PoliteFetcher({
      source: 'mixesdb',
      userAgent: 'SongNodesBot/test (+https://example.invalid)',
      minDelayMs: 0,
      timeoutMs: 2000,
      maxRetries: 2,
      backoffBaseMs: 0,
      backoffMaxMs: 0,
      breaker: new CircuitBreaker({ threshold: 3 }),
      ...options,
    });
  const page = (suffix = '') => `${replay.urls.mixesdb}/w/index.php?title=2020-01-01_-_Someone_@_Somewhere&action=raw${suffix}`;

  it('identifies itself and reads robots.txt before its first request', async () => {
    const before = replay.requests.length;
    const got = await fetcher().get(page());
    expect(got.status).toBe(200);
    const sent = replay.requests.slice(before);
    expect(sent.map((r) => r.path)).toEqual(['/robots.txt', '/w/index.php']);
    expect(sent.every((r) => r.headers['user-agent'] === 'SongNodesBot/test (+https://example.invalid)')).toBe(true);
  });

  it('refuses what robots.txt disallows, without requesting it', async () => {
    const f = fetcher();
    const before = replay.requests.length;
    await expect(f.get(`${replay.urls.mixesdb}/w/private/page`)).rejects.toBeInstanceOf(NonRetryableError);
    expect(replay.requests.slice(before).map((r) => r.path)).toEqual(['/robots.txt']);
  });

  it('keeps at least the minimum delay between two requests', async () => {
    // No clock in the assertion (a loaded machine delays arrivals, not the fetcher's own schedule): the fetcher's
    // wait is recorded instead of slept. With a one-minute minimum, the second request must be held back by almost
    // all of it, counted from when the first was sent; the first is never held back.
    const waits: number[] = [];
    const sleep = jest
      .spyOn(PoliteFetcher.prototype as unknown as { sleep(ms: number): Promise<void> }, 'sleep')
      .mockImplementation(async (ms: number) => void waits.push(ms));
    try {
      const f = fetcher({ minDelayMs: 60_000, respectRobotsTxt: false });
      const before = replay.requests.length;
      await Promise.all([f.get(page('&n=1')), f.get(page('&n=2'))]);
      expect(replay.requests.slice(before).map((r) => r.query.n)).toEqual(['1', '2']);
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThan(50_000);
      expect(waits[0]).toBeLessThanOrEqual(60_000);
    } finally {
      sleep.mockRestore();
    }
  });

  it('retries 429 and 5xx with backoff, honouring Retry-After, then gives up and counts a failure', async () => {
    replay.addFault({ source: 'mixesdb', match: 'n=retry', kind: 'status', status: 429, retryAfterSeconds: 1, times: 1 });
    replay.addFault({ source: 'mixesdb', match: 'n=retry', kind: 'status', status: 503, times: 1 });
    const retries: number[] = [];
    const f = fetcher({ backoffMaxMs: 5000, onRetry: (info) => retries.push(info.delayMs) });
    expect((await f.get(page('&n=retry'))).status).toBe(200);
    expect(retries).toEqual([1000, 0]);

    replay.addFault({ source: 'mixesdb', match: 'n=down', kind: 'status', status: 500 });
    const breaker = new CircuitBreaker({ threshold: 1 });
    const failing = fetcher({ breaker });
    await expect(failing.get(page('&n=down'))).rejects.toBeInstanceOf(RetryableError);
    expect(breaker.isOpen).toBe(true);
    await expect(failing.get(page())).rejects.toBeInstanceOf(SourceStoppedError);
  });

  it('gives up on a request that never answers', async () => {
    replay.addFault({ source: 'mixesdb', match: 'n=hang', kind: 'hang' });
    const f = fetcher({ timeoutMs: 200, maxRetries: 0, respectRobotsTxt: false });
    await expect(f.get(page('&n=hang'))).rejects.toThrow(/timeout|aborted/i);
    await sleep(10);
  });
});
