/**
 * The 1001tracklists origin: stored pages by path, a search results page, and a 404 page for everything else.
 * The crawler reaches it through a real browser, so every answer is a complete HTML document.
 */
import * as cheerio from 'cheerio';
import { collapseWhitespace, foldText } from './fold-text';
import { CONTENT_TYPE, escapeHtml, safeDecode, textReply, type Origin, type OriginRequest } from './reply';

/** The search path the replay answers (`?main_search=…&search_selection=…`). */
export const SEARCH_PATH = '/search/result.php';

/** Normalises a search query the way search keys are compared: folded (case, diacritics), whitespace collapsed. */
export function normalise1001Query(query: string): string {
  return collapseWhitespace(foldText(query));
}

/** One search result: where the tracklist lives and the title shown for it. */
export interface SearchResultLink {
  path: string;
  title: string;
}

/**
 * Renders the search results page. STAND-IN LAYOUT: no real 1001tracklists search page is stored, so this markup
 * (`div.bItm > a[href]`, borrowed from the tracklist rows' class) is invented. Keep every detail of it in this one
 * function so it can be aligned with a real capture, together with the crawler's search parser, in one place.
 */
export function renderSearchResultsPage(query: string, results: readonly SearchResultLink[]): string {
  const items = results
    .map(({ path, title }) => `<div class="bItm"><a href="${escapeHtml(path)}">${escapeHtml(title)}</a></div>`)
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Search: ${escapeHtml(query)} - 1001Tracklists</title></head>
<body><div id="searchResults">
${items}
</div></body></html>
`;
}

function renderNotFoundPage(path: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>404 Not Found - 1001Tracklists</title></head>
<body><h1>Page not found</h1><p>${escapeHtml(path)}</p></body></html>
`;
}

/** The title shown for a result: the stored page's <title>, or its path when the page is not stored. */
function titleOf(path: string, html: string | undefined): string {
  // Parse only the <title> element: loading a whole 300 kB page per result made searches slow.
  const element = html === undefined ? null : /<title[^>]*>[\s\S]*?<\/title>/i.exec(html);
  if (element === null) return path;
  const title = collapseWhitespace(cheerio.load(element[0])('title').text());
  return title === '' ? path : title;
}

/** Stored paths are compared decoded, so a test may give keys either percent-encoded or not. */
function pageKey(path: string): string {
  return safeDecode(path);
}

/** Builds the 1001tracklists origin over stored pages and search results (query -> paths). */
export function createTracklists1001Origin(
  pages: ReadonlyMap<string, string>,
  search: ReadonlyMap<string, readonly string[]> = new Map(),
): Origin {
  const pagesByKey = new Map([...pages].map(([path, html]) => [pageKey(path), html] as const));
  const searchByKey = new Map([...search].map(([query, paths]) => [normalise1001Query(query), paths] as const));
  return (request: OriginRequest) => {
    if (request.path === SEARCH_PATH) {
      const query = request.query.get('main_search') ?? '';
      const paths = searchByKey.get(normalise1001Query(query)) ?? [];
      const links = paths.map((path) => ({ path, title: titleOf(path, pagesByKey.get(pageKey(path))) }));
      return textReply(200, renderSearchResultsPage(query, links), CONTENT_TYPE.html);
    }
    const html = pagesByKey.get(pageKey(request.path));
    if (html === undefined) return textReply(404, renderNotFoundPage(safeDecode(request.path)), CONTENT_TYPE.html);
    return textReply(200, html, CONTENT_TYPE.html);
  };
}
