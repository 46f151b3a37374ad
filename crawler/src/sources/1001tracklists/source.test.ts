import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCrawlerConfig } from '../../config';
import { build1001SearchUrl, tracklists1001Source as source } from './source';

const config = loadCrawlerConfig({ TRACKLISTS1001_BASE_URL: 'http://127.0.0.1:4101', CHROMIUM_PATH: process.execPath });
const PATH = '/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html';

describe('tracklists1001Source', () => {
  it('spaces page loads by TRACKLISTS1001_DELAY_SECONDS (8 s unless set)', () => {
    expect(source.minDelayMs(loadCrawlerConfig({}))).toBe(8000);
    expect(source.minDelayMs(loadCrawlerConfig({ TRACKLISTS1001_DELAY_SECONDS: '2.5' }))).toBe(2500);
  });

  it('is unavailable, naming CHROMIUM_PATH, when no browser is at that path', () => {
    expect(source.unavailableReason(config)).toBeNull();
    const missing = loadCrawlerConfig({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(source.unavailableReason(missing)).toMatch(/no Chromium at \/nonexistent\/chromium.*CHROMIUM_PATH/);
  });

  it('searches artist and title together, as the site form sends them', () => {
    const url = new URL(build1001SearchUrl(config.tracklists1001BaseUrl, { artist: 'Bicep', title: 'Glue (Original Mix)' }));
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:4101/search/result.php');
    expect(Object.fromEntries(url.searchParams)).toEqual({ main_search: 'Bicep Glue (Original Mix)', search_selection: '9' });
  });

  it('takes pasted tracklist URLs of the live site or the configured origin, on the configured origin', () => {
    expect(source.refForUrl(`https://www.1001tracklists.com${PATH}?ref=x#tlTab`, config)).toEqual({
      url: `http://127.0.0.1:4101${PATH}`,
      label: PATH,
    });
    expect(source.refForUrl(`http://127.0.0.1:4101${PATH}`, config)?.url).toBe(`http://127.0.0.1:4101${PATH}`);
    expect(source.refForUrl('https://www.1001tracklists.com/dj/bicep/index.html', config)).toBeNull();
    expect(source.refForUrl(`https://www.mixesdb.com${PATH}`, config)).toBeNull();
    expect(source.refForUrl('not a url', config)).toBeNull();
  });

  it('parses stored setlist pages and finds no setlists in search pages', () => {
    const body = readFileSync(join(__dirname, 'fixtures', 'tracklist.html'), 'utf8');
    const [setlist] = source.parsePage({ url: `https://www.1001tracklists.com${PATH}`, body, kind: 'setlist' }, config);
    expect(setlist).toMatchObject({ source: '1001tracklists', status: 'ok' });
    expect(source.parsePage({ url: 'http://x/search/result.php', body, kind: 'search' }, config)).toEqual([]);
  });
});
