import { join } from 'node:path';
import { crawlUrl } from '../../src/crawl/crawl-url';
import { createProgress } from '../../src/import/progress-bar';
import { runImport } from '../../src/import/run-import';
import { mixesdbPagesFromCsv, startCrawlHarness, type CrawlHarness } from '../support/crawl-harness';
import { MIXESDB_CSV_DIR } from '../support/import-harness';

// An imported MixesDB mix IS that MixesDB setlist: the same parse as a crawl of the page, so the same content hash,
// and (once the crawler stores the canonical URL rather than the replay origin) the same silver row.
describe('an imported CSV mix and a crawled copy of its page', () => {
  let h: CrawlHarness;
  beforeAll(async () => {
    h = await startCrawlHarness(mixesdbPagesFromCsv());
  });
  afterAll(() => h.close());

  it('parse to the same setlist content', async () => {
    const titles = ['2016-08-17 - Adiel - Suburban Mix 009', '2023-08-20 - Adiel - CLR Podcast 336'];
    for (const title of titles) await crawlUrl(h, `${h.replay.urls.mixesdb}/w/${title.replace(/ /g, '_')}`);
    await runImport(
      { ...h, progress: createProgress({ label: 'test', logger: h.logger, tty: false }) },
      { paths: [join(MIXESDB_CSV_DIR, 'Adiel_tracklists.csv')], format: 'auto', workerId: 'test' },
    );
    const { rows } = await h.pool.query(
      `SELECT source_id, array_agg(DISTINCT content_sha256) AS hashes, array_agg(source_url ORDER BY source_url) AS urls
       FROM silver.setlists WHERE source_id = ANY ($1) GROUP BY source_id ORDER BY source_id`,
      [titles],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.hashes).toHaveLength(1);
      expect(row.urls).toContain(`https://www.mixesdb.com/w/${row.source_id.replace(/ /g, '_')}`);
    }
  });
});
