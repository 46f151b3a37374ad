import { createHttpSetlistCrawler } from '../lazy-crawlers';
import type { TargetSearch } from '../../db/targets';
import { NonRetryableError } from '../../errors';
import type { ParsedSetlist } from '@songnodes/parsing';
import type { CrawlSource, InlineSetlist, SearchOutcome, SourceContext } from '../types';
import { parseSetlistfmSearch, parseSetlistfmSetlist } from './parse-setlists';
import { PARSER_VERSIONS } from '../parser-versions';

/** Search pages read per target at most (20 setlists each): the API key has a daily cap shared by all targets. */
const MAX_SEARCH_PAGES = 5;

function comparable(text: string | null): string {
  return (text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function playsSong(setlist: ParsedSetlist, title: string): boolean {
  const wanted = comparable(title);
  return setlist.parts.some((part) => part.rows.some((row) => comparable(row.title) === wanted));
}

export function setlistfmSearchUrl(baseUrl: string, artist: string, page: number): string {
  return `${baseUrl}/rest/1.0/search/setlists?${new URLSearchParams({ artistName: artist, p: String(page) }).toString()}`;
}

/**
 * setlist.fm through its REST API. The API cannot search by song, so it searches the target's artist and keeps
 * the setlists that play the target's title. Search pages carry whole setlists: each page is stored as bronze
 * evidence and its matching setlists are stored from it directly, with no further request.
 */
export const setlistfmSource: CrawlSource = {
  name: 'setlistfm',
  parserVersion: PARSER_VERSIONS.setlistfm,
  minDelayMs: (config) => config.setlistfmDelaySeconds * 1000,
  headers: (config) => ({ 'x-api-key': config.setlistfmApiKey, accept: 'application/json' }),
  unavailableReason: (config) =>
    config.setlistfmApiKey === '' ? 'no SETLISTFM_API_KEY set: setlist.fm is skipped (get a key at setlist.fm/settings/api)' : null,

  async search(target: TargetSearch, context: SourceContext, cap: number): Promise<SearchOutcome> {
    const inline: InlineSetlist[] = [];
    for (let page: number | null = 1, read = 0; page !== null && inline.length < cap && read < MAX_SEARCH_PAGES; read++) {
      const fetched = await context.fetcher.get(setlistfmSearchUrl(context.config.setlistfmBaseUrl, target.artist, page));
      const pageId = await context.savePage(fetched, 'search');
      const parsed = parseSetlistfmSearch(fetched.body);
      if (parsed.apiStatus === 404) break; // setlist.fm's way of saying "no setlists"
      if (parsed.error) throw new NonRetryableError(`setlist.fm search page ${page}: ${parsed.error}`);
      for (const setlist of parsed.setlists.filter((s) => playsSong(s, target.title))) {
        if (inline.length < cap) inline.push({ pageId, parsed: setlist });
      }
      page = parsed.nextPage;
    }
    return { resultsFound: inline.length, refs: [], inline };
  },

  createSetlistCrawler: createHttpSetlistCrawler,

  /** A setlist page URL (…-63de4613.html) or an API URL (/rest/1.0/setlist/63de4613) -> the API URL. */
  refForUrl(url, config) {
    if (!/setlist\.fm$/.test(new URL(url).hostname) && new URL(url).origin !== new URL(config.setlistfmBaseUrl).origin) return null;
    const id = /\/setlist\/(?:.*-)?([0-9a-f]{5,12})(?:\.html)?$/i.exec(new URL(url).pathname)?.[1];
    return id ? { url: `${config.setlistfmBaseUrl}/rest/1.0/setlist/${id}`, label: id } : null;
  },

  parsePage(page) {
    if (page.kind === 'search') return parseSetlistfmSearch(page.body).setlists;
    return [parseSetlistfmSetlist(page.body, { requestUrl: page.url })];
  },
};
