import { existsSync } from 'node:fs';
import { chromium, create1001SetlistCrawler } from '../lazy-crawlers';
import type { CrawlerConfig } from '../../config';
import type { TargetSearch } from '../../db/targets';
import { NonRetryableError, RetryableError, SourceStoppedError } from '../../errors';
import type { FetchedPage } from '../../http/polite-fetcher';
import type { CrawlSource, SearchOutcome, SourceContext } from '../types';
import { chromiumLaunchOptions, guardPage, readSettledPage } from './browser-page';
import { detect1001Block } from './detect-block';
import { parse1001SearchResults, rebase1001TracklistUrl } from './parse-search';
import { parse1001Tracklist } from './parse-tracklist';
import { assertRobotsAllow, waitForLoadTurn } from './politeness';
import { PARSER_VERSIONS } from '../parser-versions';

const SOURCE = '1001tracklists';
/**
 * The site's search form (`#searchForm`, fixtures/tracklist.html) POSTs `main_search` and `search_selection`
 * (9 = "Tracklists") to this path; the replay server answers the same fields as a GET, which is what is sent
 * here. The results page it reads has the structure of the real 2026 pages (parse-search.ts; the tests use
 * hand-written stand-ins of it, fixtures/SOURCE.md); whether the live site answers a GET the same way as
 * the form's POST is not verified (no internet here).
 */
const SEARCH_PATH = '/search/result.php';
const SEARCH_SELECTION_TRACKLISTS = '9';
/** Hosts of the live site, accepted by `crawl url` besides the configured origin. */
const LIVE_HOST = /(?:^|\.)1001tracklists\.com$/i;

function minDelayMs(config: CrawlerConfig): number {
  return config.tracklists1001DelaySeconds * 1000;
}

/** The search results URL for a target: artist and title together, as a person would type them. */
export function build1001SearchUrl(baseUrl: string, target: Pick<TargetSearch, 'artist' | 'title'>): string {
  const url = new URL(SEARCH_PATH, baseUrl);
  url.searchParams.set('main_search', `${target.artist} ${target.title}`);
  url.searchParams.set('search_selection', SEARCH_SELECTION_TRACKLISTS);
  return url.toString();
}

/**
 * Loads one page in a browser launched for it alone: a search happens once per target, so keeping a browser
 * open between targets would save well under a second (Chromium starts in about 0.3 s here) but leave a
 * process behind whenever a run ends without a hook to close it.
 */
async function loadInFreshBrowser(url: string, config: CrawlerConfig): Promise<FetchedPage> {
  const browser = await chromium().launch(chromiumLaunchOptions(config));
  try {
    const page = await (await browser.newContext({ userAgent: config.userAgent })).newPage();
    const guard = await guardPage(page);
    await waitForLoadTurn(url, minDelayMs(config));
    let response: Awaited<ReturnType<typeof page.goto>>;
    try {
      // 'commit': see browser-page.ts; readSettledPage waits for the document.
      response = await page.goto(url, { waitUntil: 'commit', timeout: config.timeoutSeconds * 1000 });
    } catch (error) {
      throw new RetryableError(`${error instanceof Error ? error.message.split('\n')[0] : String(error)} (search ${url})`);
    }
    const body = await readSettledPage(page, guard, config.timeoutSeconds * 1000);
    return { url, status: guard.lastStatus ?? response?.status() ?? 200, contentType: 'text/html', body };
  } finally {
    await browser.close();
  }
}

async function search(target: TargetSearch, context: SourceContext, cap: number): Promise<SearchOutcome> {
  const { config } = context;
  const url = build1001SearchUrl(config.tracklists1001BaseUrl, target);
  await assertRobotsAllow(context, url);
  const page = await loadInFreshBrowser(url, config);
  await context.savePage(page, 'search');
  const block = detect1001Block(page.body);
  if (block.blocked) throw new SourceStoppedError(SOURCE, `blocked by an anti-bot page at ${url}: ${block.reason ?? ''}`);
  if (page.status === 429 || page.status >= 500) throw new RetryableError(`HTTP ${page.status} from ${url}`);
  if (page.status >= 400) throw new NonRetryableError(`HTTP ${page.status} from ${url}`);
  const { refs, totalResults } = parse1001SearchResults(page.body, config.tracklists1001BaseUrl);
  // The page states how many results there are in all; only the first page of them is read.
  return { resultsFound: Math.max(totalResults ?? 0, refs.length), refs: refs.slice(0, cap), inline: [] };
}

/**
 * 1001tracklists: searched and scraped in a real browser (the live site serves a JavaScript check to plain HTTP
 * clients). The search runs in a short-lived Chromium; setlist pages go through Crawlee's PlaywrightCrawler.
 * Both share robots.txt, the politeness delay and the anti-bot handling (politeness.ts, browser-page.ts).
 */
export const tracklists1001Source: CrawlSource = {
  name: SOURCE,
  parserVersion: PARSER_VERSIONS['1001tracklists'],
  minDelayMs,
  unavailableReason(config) {
    return existsSync(config.chromiumPath)
      ? null
      : `no Chromium at ${config.chromiumPath}: set CHROMIUM_PATH to a Chromium or Chrome executable`;
  },
  search,
  createSetlistCrawler: create1001SetlistCrawler,
  refForUrl(url, config) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    const ours = LIVE_HOST.test(parsed.hostname) || parsed.origin === new URL(config.tracklists1001BaseUrl).origin;
    const rebased = ours ? rebase1001TracklistUrl(parsed.pathname, config.tracklists1001BaseUrl) : null;
    return rebased ? { url: rebased, label: parsed.pathname } : null;
  },
  parsePage({ url, body, kind }) {
    // A search page holds links, not setlists; it is stored only as evidence of what the search returned.
    return kind === 'setlist' ? [parse1001Tracklist(body, { sourceUrl: url })] : [];
  },
};
