/**
 * 1001tracklists search results page (HTML as the browser rendered it) -> the tracklist pages it links to. Pure.
 *
 * STAND-IN MARKUP: no real 1001tracklists search results page is stored anywhere in this project, so what this
 * reads is the replay server's invented layout (`renderSearchResultsPage` in src/replay/1001tracklists-origin.ts:
 * `div.bItm > a[href="/tracklist/…"]`). Every assumption about the markup lives in `SEARCH_MARKUP` below, so a
 * real capture can be adopted by changing that constant, the replay's renderer and the tests together.
 */
import * as cheerio from 'cheerio';
import { collapseWhitespace } from '../../parse/text';
import type { SetlistRef } from '../types';

/** The only facts about the search page's markup the crawler relies on (stand-in layout, see above). */
const SEARCH_MARKUP = {
  /** one anchor per result */
  resultLink: 'div.bItm a[href]',
  /** tracklist pages live under this path; other links in a result (DJs, sources) are not setlists */
  tracklistPath: /^\/tracklist\//,
} as const;

/** What a search results page lists. */
export interface Search1001Results {
  /** distinct tracklist pages, in page order, as absolute URLs on the configured origin */
  refs: SetlistRef[];
}

/**
 * Reads the tracklist links of a search results page. Links are resolved against `baseUrl` and re-based onto it
 * (the live site links absolute `https://www.1001tracklists.com/tracklist/…` in places; the crawler must fetch
 * from the configured origin, which is the replay server in tests); query strings and fragments are dropped so
 * the same tracklist listed twice is one ref.
 */
export function parse1001SearchResults(html: string, baseUrl: string): Search1001Results {
  const $ = cheerio.load(html);
  const seen = new Set<string>();
  const refs: SetlistRef[] = [];
  $(SEARCH_MARKUP.resultLink).each((_, element) => {
    const url = rebase1001TracklistUrl($(element).attr('href') ?? '', baseUrl);
    if (url === null || seen.has(url)) return;
    seen.add(url);
    refs.push({ url, label: collapseWhitespace($(element).text()) || url });
  });
  return { refs };
}

/** `href` as a tracklist page URL on `baseUrl` (path only: no query, no fragment), or null when it is not one. */
export function rebase1001TracklistUrl(href: string, baseUrl: string): string | null {
  let path: string;
  try {
    path = new URL(href, baseUrl).pathname;
  } catch {
    return null;
  }
  return SEARCH_MARKUP.tracklistPath.test(path) ? new URL(path, baseUrl).toString() : null;
}
