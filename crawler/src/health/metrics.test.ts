import { createCrawlerMetrics, statusLabel } from './metrics';

describe('crawl metric labels', () => {
  it.each<[number | 'timeout' | 'network' | 'aborted', string]>([
    [200, '200'],
    [404, '404'],
    [429, '429'],
    [503, '503'],
    [226, '2xx'],
    [418, '4xx'],
    [599, '5xx'],
    [0, 'other'],
    [1000, 'other'],
    ['timeout', 'timeout'],
    ['network', 'network'],
    ['aborted', 'aborted'],
  ])('status %s is labelled %s', (status, label) => {
    expect(statusLabel(status)).toBe(label);
  });

  it('keeps one series per source and status, whatever the number of requests', async () => {
    const metrics = createCrawlerMetrics();
    for (let status = 100; status < 600; status++) metrics.request('mixesdb', status);
    const series = (await metrics.registry.getSingleMetric('songnodes_crawl_requests_total')!.get()).values;
    expect(series.length).toBeLessThanOrEqual(25);
    expect(series.reduce((n, s) => n + s.value, 0)).toBe(500);
  });

  it('counts stored and refused setlists in one metric, by outcome and reason', async () => {
    const metrics = createCrawlerMetrics();
    metrics.setlistStored('mixesdb', 'written');
    metrics.setlistRefused('mixesdb', 'no_setlist');
    metrics.setlistRefused('mixesdb', 'no_setlist');
    const text = await metrics.registry.metrics();
    expect(text).toContain('songnodes_crawl_setlists_total{source="mixesdb",outcome="stored",reason="written"} 1');
    expect(text).toContain('songnodes_crawl_setlists_total{source="mixesdb",outcome="refused",reason="no_setlist"} 2');
  });
});
