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

/** One search result: where the tracklist lives, the title its card shows and the tracklist's date. */
export interface SearchResultLink {
  path: string;
  title: string;
  /** YYYY-MM-DD, shown in the card's own field (1001tracklists leaves it out of the card title) */
  date?: string | null;
}

function resultCard({ path, title, date }: SearchResultLink): string {
  const id = /^\/tracklist\/([^/]+)\//.exec(path)?.[1] ?? '';
  const dateField = date ? `<div title="tracklist date"><i class="fa fa-calendar fa-20 spR"></i>${escapeHtml(date)}</div>` : '';
  return (
    `<div class="bItm action oItm" onclick="window.open('${escapeHtml(path)}', '_self');" data-id="${escapeHtml(id)}" id="${escapeHtml(id)}">` +
    `<div class="bCont"><div class="bTitle" onclick="cancelBubble();"><a href="${escapeHtml(path)}" class="">${escapeHtml(title)}</a></div></div>` +
    `<div class="mediaRow iRow">${dateField}</div></div>`
  );
}

/**
 * Renders the search results page in the shape of the real 2026 pages (read in a public repository, not copied;
 * the hand-written stand-ins crawler/src/sources/1001tracklists/fixtures/search/*.standin.html have that shape,
 * fixtures/SOURCE.md): the results column `#csMiddle`, a header "Tracklists search result for "…"" with the
 * number of results as a badge, and one `div.bItm.action.oItm` card per tracklist with its `.bTitle` link and its
 * date in a `title="tracklist date"` field. Without results the real site shows its search help instead of the
 * header; so does this page. Only the markup the crawler's parser reads is reproduced (no artwork, views,
 * creator, scripts).
 */
export function renderSearchResultsPage(query: string, results: readonly SearchResultLink[]): string {
  // The badge counts tracklists; a test may list one twice to check the crawler reads it once.
  const distinct = new Set(results.map((result) => result.path)).size;
  const heading =
    results.length > 0
      ? `<div class="bItmH">Tracklists search result for "${escapeHtml(query)}"<span class="badge spL">${distinct}</span></div>`
      : '<div class="fontM"><h1 class="l fontXL">Welcome to 1001Tracklists Search!</h1></div>';
  return `<!DOCTYPE html> <html prefix="og: http://ogp.me/ns#" lang="en-US">
<head> <meta http-equiv="Content-Type" content="text/html; charset=utf-8"> <title>Tracklists search result for &quot;${escapeHtml(query)}&quot;</title> </head><body id="body">
<div id="csRoot"> <div id="csMiddle"> ${heading}
${results.map(resultCard).join('\n')}
</div> </div></body> </html>
`;
}

function renderNotFoundPage(path: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>404 Not Found - 1001Tracklists</title></head>
<body><h1>Page not found</h1><p>${escapeHtml(path)}</p></body></html>
`;
}

/**
 * The card for a result: the stored page's <title> split as 1001tracklists shows it (the date in its own field,
 * "Bicep - The Warehouse Project, …, Netherlands" + "2023-04-28"), or the path when the page is not stored.
 */
function cardFor(path: string, html: string | undefined): SearchResultLink {
  // Parse only the <title> element: loading a whole 300 kB page per result made searches slow.
  const element = html === undefined ? null : /<title[^>]*>[\s\S]{0,2000}?<\/title>/i.exec(html);
  const title = element === null ? '' : collapseWhitespace(cheerio.load(element[0])('title').text());
  if (title === '') return { path, title: path };
  const dated = /^(.*\S)\s+(\d{4}-\d{2}-\d{2})$/.exec(title);
  return dated ? { path, title: dated[1] as string, date: dated[2] as string } : { path, title };
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
      const cards = paths.map((path) => cardFor(path, pagesByKey.get(pageKey(path))));
      return textReply(200, renderSearchResultsPage(query, cards), CONTENT_TYPE.html);
    }
    const html = pagesByKey.get(pageKey(request.path));
    if (html === undefined) return textReply(404, renderNotFoundPage(safeDecode(request.path)), CONTENT_TYPE.html);
    return textReply(200, html, CONTENT_TYPE.html);
  };
}
