import type { WorkerStatus } from '../crawl/worker';
import { loopCheck } from './worker-health';

describe('the worker loop check', () => {
  const at = (state: WorkerStatus['state'], since: number): WorkerStatus => ({ state, since, runs: 3, lastError: null });
  const MINUTE = 60_000;

  it.each<[WorkerStatus['state'], boolean]>([
    ['starting', true],
    ['crawling', true],
    ['sleeping', true],
    ['stopping', false],
    ['stopped', false],
  ])('a loop %s just now is alive: %s', (state, ok) => {
    expect(loopCheck(at(state, 1000), 1000, 30 * MINUTE, 2000).ok).toBe(ok);
  });

  it('a crawl that counted nothing for longer than the stall limit is stuck', () => {
    const check = loopCheck(at('crawling', 0), 0, 30 * MINUTE, 31 * MINUTE);
    expect(check).toMatchObject({ ok: false, reason: 'crawling without any request, page or target for 1860 s' });
  });

  it('a long crawl that keeps counting is alive', () => {
    expect(loopCheck(at('crawling', 0), 29 * MINUTE, 30 * MINUTE, 58 * MINUTE).ok).toBe(true);
  });

  it('a long sleep is not a stall', () => {
    expect(loopCheck(at('sleeping', 0), 0, 30 * MINUTE, 600 * MINUTE).ok).toBe(true);
  });
});
