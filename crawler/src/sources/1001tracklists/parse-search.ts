/**
 * 1001tracklists search results and DJ pages (HTML as a browser rendered it) -> the tracklists they list. Pure,
 * never throws, linear in the page (it loads through html-document.ts).
 *
 * Real markup (2026 search pages and a DJ page, "Tracklists By Adam Beyer", read in pmaxhogan/tracked and not
 * copied here; fixtures/search/*.standin.html are hand-written pages in the same structure, fixtures/SOURCE.md):
 * both list tracklists as the same result cards, e.g. on the real search page
 *   <div class="bItm action oItm" data-id="l3uw499" onclick="window.open('/tracklist/l3uw499/…html')">
 *     <div class="bTitle"><a href="/tracklist/l3uw499/….html">Matroda @ Club Space Miami, United States</a></div>
 *     <div title="tracklist date">2023-08-05</div> <div title="IDed tracks / total tracks">26/28</div> …
 * The fields are found by their `title` tooltips (what a person hovering sees), not by position. A card is an
 * element of class `bItm` or `oItm` holding a `/tracklist/<id>/` link; a page with a results column (`#csMiddle`)
 * is read inside it only, because the side columns also link tracklists ("Most Viewed Tracklists") that are not
 * results. The count the page states ("Tracklists search result for …" badge, or the DJ page's Tracklists tab) is
 * the number of results in all pages, not just this one.
 */
import type { CheerioAPI } from 'cheerio';
import type { SetlistRef } from '../types';
import { attr, findFirst, findOutermost, hasClass, shownText, type DomNode } from './dom-text';
import { load1001Html } from './html-document';
import { canonicalTracklistUrl } from './page-metadata';

/** One listed tracklist: the fields of the per-DJ index records in ../shared/data/1001tracklists-index. */
export interface Search1001Result {
  tracklistId: string;
  title: string;
  /** canonical https URL */
  url: string;
  date: string | null;
  creatorName: string | null;
  creatorUrl: string | null;
  views: number | null;
  idedTracks: number | null;
  totalTracks: number | null;
  /** "1h 28m", "2h", "51m" as shown */
  playTime: string | null;
  likes: number | null;
  styles: string | null;
}

/** What a search results or DJ page lists. */
export interface Search1001Results {
  /** distinct tracklist pages, in page order, as URLs on the configured origin (what the crawler fetches) */
  refs: SetlistRef[];
  /** the same tracklists with what their cards show */
  results: Search1001Result[];
  /** how many results the page says there are in all (every page of them), when it says */
  totalResults: number | null;
}

const LIVE_ORIGIN = 'https://www.1001tracklists.com';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TRACK_COUNTS = /^(all|\d+)?\s*\/\s*(\d+)$/i;

const byTitle = (card: DomNode, title: string): DomNode | null => findFirst(card, (node) => attr(node, 'title') === title);
const count = (text: string | null | undefined): number | null => (text && /^\d{1,9}$/.test(text.trim()) ? Number(text) : null);

/**
 * `tlData` in the page's script holds each card's exact view count and likes (the cards show "6.2k" until the
 * script runs): `let tlData = { 'l3uw499': {"countRaw":6172,"likes":"13", …} , … };`
 */
function readTlData($: CheerioAPI): Map<string, { countRaw?: unknown; likes?: unknown }> {
  const data = new Map<string, { countRaw?: unknown; likes?: unknown }>();
  for (const script of $('script').toArray()) {
    const text = $(script).text();
    if (!text.includes('tlData')) continue;
    for (const match of text.matchAll(/'([A-Za-z0-9]{1,32})'\s*:\s*(\{[^{}]{0,2000}\})/g)) {
      try {
        data.set(match[1] as string, JSON.parse(match[2] as string) as { countRaw?: unknown; likes?: unknown });
      } catch {
        // not JSON after all: that card keeps what it shows
      }
    }
  }
  return data;
}

function tracklistLink(card: DomNode): { node: DomNode; id: string; url: string } | null {
  const isLink = (node: DomNode): boolean => node.name === 'a' && canonicalTracklistUrl(attr(node, 'href') ?? '', LIVE_ORIGIN) !== null;
  const title = findFirst(card, (node) => hasClass(node, 'bTitle'));
  const node = (title && findFirst(title, isLink)) ?? findFirst(card, isLink);
  const canonical = node ? canonicalTracklistUrl(attr(node, 'href') ?? '', LIVE_ORIGIN) : null;
  return node && canonical ? { node, ...canonical } : null;
}

function absoluteUrl(href: string | undefined): string | null {
  try {
    return href ? new URL(href, LIVE_ORIGIN).toString() : null;
  } catch {
    return null;
  }
}

function readCard(card: DomNode, tlData: ReturnType<typeof readTlData>): Search1001Result | null {
  const link = tracklistLink(card);
  if (link === null) return null;
  const title = shownText(findFirst(card, (node) => hasClass(node, 'bTitle'))) || shownText(link.node);
  const date = shownText(byTitle(card, 'tracklist date'));
  const creatorBox = byTitle(card, 'creator');
  const creator = creatorBox ? findFirst(creatorBox, (node) => node.name === 'a') : null;
  const tracks = TRACK_COUNTS.exec(shownText(byTitle(card, 'IDed tracks / total tracks')));
  const total = tracks ? Number(tracks[2]) : null;
  const ided = tracks ? (tracks[1]?.toLowerCase() === 'all' ? total : count(tracks[1])) : null;
  const script = tlData.get(link.id);
  const views = byTitle(card, 'tracklist views');
  return {
    tracklistId: link.id,
    title: title || link.url,
    url: link.url,
    date: ISO_DATE.test(date) ? date : null,
    creatorName: creator ? shownText(creator) || null : null,
    creatorUrl: creator ? absoluteUrl(attr(creator, 'href')) : null,
    views: count(views ? attr(views, 'data-count') : null) ?? count(String(script?.countRaw ?? '')),
    idedTracks: ided,
    totalTracks: total,
    playTime: shownText(byTitle(card, 'play time')) || null,
    likes: count(shownText(byTitle(card, 'likes'))) ?? count(String(script?.likes ?? '')),
    styles: shownText(byTitle(card, 'musicstyle(s)')) || null,
  };
}

function readTotal($: CheerioAPI): number | null {
  const badges = [...$('.bItmH > .badge').toArray(), ...$('[data-view="Tracklists"] .badge').toArray()];
  for (const badge of badges) {
    const total = count($(badge).text());
    if (total !== null) return total;
  }
  return null;
}

/** `href` as a tracklist page URL on `baseUrl` (path only: no query, no fragment), or null when it is not one. */
export function rebase1001TracklistUrl(href: string, baseUrl: string): string | null {
  const canonical = canonicalTracklistUrl(href, baseUrl);
  if (canonical === null) return null;
  try {
    return new URL(new URL(canonical.url).pathname, baseUrl).toString();
  } catch {
    return null;
  }
}

/**
 * Reads the tracklists a search results or DJ page lists. `refs` are re-based onto `baseUrl` (the page links the
 * live site in places; the crawler must fetch from the configured origin, the replay server in tests); the same
 * tracklist listed twice is one result.
 */
export function parse1001SearchResults(html: string, baseUrl: string): Search1001Results {
  const none: Search1001Results = { refs: [], results: [], totalResults: null };
  try {
    const document = load1001Html(html);
    if (!document.ok) return none;
    const { $ } = document;
    const column = $('#csMiddle').toArray()[0] ?? $.root().toArray()[0];
    const tlData = readTlData($);
    const seen = new Set<string>();
    const results: Search1001Result[] = [];
    const cards = findOutermost(column as unknown as DomNode, (node) => hasClass(node, 'bItm') || hasClass(node, 'oItm'));
    for (const card of cards) {
      const result = readCard(card, tlData);
      if (result === null || seen.has(result.tracklistId)) continue;
      seen.add(result.tracklistId);
      results.push(result);
    }
    const refs = results.flatMap((result) => {
      const url = rebase1001TracklistUrl(result.url, baseUrl);
      return url ? [{ url, label: result.date ? `${result.title} ${result.date}` : result.title }] : [];
    });
    return { refs, results, totalResults: readTotal($) };
  } catch {
    return none;
  }
}
