import { createHttpSetlistCrawler } from '../lazy-crawlers';
import { NonRetryableError } from '../../errors';
import type { TargetSearch } from '../../db/targets';
import type { CrawlSource, SearchOutcome, SetlistRef, SourceContext } from '../types';
import { parseMixesdbSearch } from './parse-search';
import { parseMixesdbWikitext } from './parse-wikitext';
import { mixesdbPageUrl, mixesdbRawUrl, mixesdbSearchUrl, titleFromRawUrl } from './urls';
import { PARSER_VERSIONS } from '../parser-versions';

/**
 * Mix pages are titled "YYYY[-MM[-DD]] - DJ ..." (a year MixesDB does not know is "200X" or "19XX"); other hits
 * (artist pages, categories, labels) are not setlists.
 */
const MIX_TITLE = /^(?:\d{4}|\d{3}X|\d{2}XX)(?:-\d{2}){0,2} - /;
/** Search pages read per query at most (50 results each): enough for any per-target cap, polite to the wiki. */
const MAX_SEARCH_PAGES = 4;

async function searchQuery(query: string, context: SourceContext, cap: number): Promise<{ titles: string[]; total: number }> {
  const base = context.config.mixesdbBaseUrl;
  const titles: string[] = [];
  let total = 0;
  for (let offset: number | null = 0, pages = 0; offset !== null && titles.length < cap && pages < MAX_SEARCH_PAGES; pages++) {
    const page = await context.fetcher.get(mixesdbSearchUrl(base, query, offset));
    await context.savePage(page, 'search');
    if (page.status !== 200) throw new NonRetryableError(`MixesDB search answered HTTP ${page.status}`);
    let json: unknown;
    try {
      json = JSON.parse(page.body);
    } catch {
      throw new NonRetryableError(`MixesDB search answered something that is not JSON (${page.body.slice(0, 80)})`);
    }
    const result = parseMixesdbSearch(json);
    total = result.totalHits ?? Math.max(total, offset + result.titles.length);
    titles.push(...result.titles.filter((title) => MIX_TITLE.test(title) && !titles.includes(title)));
    offset = result.nextOffset;
  }
  return { titles, total };
}

/**
 * MixesDB through its MediaWiki API: `insource:"Artist - Title"` finds the mixes whose tracklist has the exact
 * row; only when that finds nothing, the plain "Artist Title" query (less precise: the words may be anywhere).
 */
export const mixesdbSource: CrawlSource = {
  name: 'mixesdb',
  parserVersion: PARSER_VERSIONS.mixesdb,
  minDelayMs: (config) => config.mixesdbDelaySeconds * 1000,
  unavailableReason: () => null,

  async search(target: TargetSearch, context: SourceContext, cap: number): Promise<SearchOutcome> {
    const exact = await searchQuery(`insource:"${target.artist} - ${target.title}"`, context, cap);
    const found = exact.titles.length > 0 ? exact : await searchQuery(`${target.artist} ${target.title}`, context, cap);
    const refs: SetlistRef[] = found.titles
      .slice(0, cap)
      .map((title) => ({ url: mixesdbRawUrl(context.config.mixesdbBaseUrl, title), label: title }));
    return { resultsFound: found.total, refs, inline: [] };
  },

  createSetlistCrawler: createHttpSetlistCrawler,

  refForUrl(url, config) {
    const parsed = new URL(url);
    if (parsed.origin !== new URL(config.mixesdbBaseUrl).origin) return null;
    const title = titleFromRawUrl(url) ?? decodeURIComponent(parsed.pathname.replace(/^\/w\//, '')).replace(/_/g, ' ');
    return title ? { url: mixesdbRawUrl(config.mixesdbBaseUrl, title), label: title } : null;
  },

  parsePage(page, config) {
    if (page.kind !== 'setlist') return [];
    const pageTitle = titleFromRawUrl(page.url) ?? page.url;
    return [parseMixesdbWikitext(page.body, { sourceUrl: mixesdbPageUrl(config.mixesdbBaseUrl, pageTitle), pageTitle })];
  },
};
