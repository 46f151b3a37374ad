/**
 * What a 1001tracklists tracklist page declares about itself, read from its metadata rather than one layout:
 * - identity: the canonical URL (`link rel=canonical`, else `og:url`, else the `mainEntityOfPage` microdata), whose
 *   path is `/tracklist/<id>/<slug>.html`; `sourceId` is that `<id>`. The playlist's `data-id` can differ (Curbi @
 *   Tape 06: canonical `nsgpmht`, `#tlTab[data-id]` and the 1001.tl short link `2wh7m6xk`), so it is only the
 *   fallback, with the fetched path after it;
 * - title: `og:title`, else `<title>`, else the playlist's `name` microdata, else the `h1`;
 * - DJs: the `/dj/` links of the heading (2021-2023: in the `h1`; 2018: in the breadcrumb `#pageNavi`), else the
 *   playlist's `author` microdata;
 * - event / venue / location / date: split from the title, "DJs @|- Event, Venue, Country YYYY-MM-DD" (first
 *   segment event, last location, the ones between venue: the rule the MixesDB titles use), the date falling back
 *   to the playlist's `datePublished` (the "TL date"; `dcterms.created` is when it was posted, not played);
 * - declared track count: `#tlTab[data-count]`, the playlist's `numTracks`, or "N tracks" in the description.
 */
import type { CheerioAPI } from 'cheerio';
import { collapse } from './dom-text';

const LIVE_ORIGIN = 'https://www.1001tracklists.com';
const TRACKLIST_PATH = /^\/tracklist\/([A-Za-z0-9]{1,32})(?:\/[^/?#]*)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Titles longer than this are not split (a real one is under 200 characters). */
const MAX_TITLE = 1000;

export interface PageMetadata {
  sourceId: string | null;
  /** the canonical https URL a person can open, or null when the page gives none and the fetch path is not one */
  canonicalUrl: string | null;
  /** the page declares its canonical URL (else it was made from the fetched path, or there is none) */
  canonicalDeclared: boolean;
  title: string | null;
  djs: string[];
  event: string | null;
  venue: string | null;
  location: string | null;
  dateText: string | null;
  date: string | null;
  declaredCount: number | null;
  /** the playlist container (`#tlTab` or schema.org MusicPlaylist microdata) is on the page */
  hasPlaylist: boolean;
}

/** `https://www.1001tracklists.com/tracklist/<id>/<slug>.html` for a URL on any origin whose path is a tracklist. */
export function canonicalTracklistUrl(url: string, base?: string): { url: string; id: string } | null {
  let path: string;
  try {
    path = new URL(url, base).pathname;
  } catch {
    return null;
  }
  const match = TRACKLIST_PATH.exec(path);
  return match ? { url: `${LIVE_ORIGIN}${path}`, id: match[1] as string } : null;
}

function attrOf($: CheerioAPI, selector: string, name: string): string | null {
  const value = $(selector).first().attr(name);
  return value === undefined || collapse(value) === '' ? null : collapse(value);
}

function playlistMeta($: CheerioAPI, property: string): string | null {
  return attrOf($, `#tlTab > meta[itemprop="${property}"], [itemtype$="/MusicPlaylist"] > meta[itemprop="${property}"]`, 'content');
}

function readIdentity($: CheerioAPI, fetchedUrl: string): Pick<PageMetadata, 'sourceId' | 'canonicalUrl' | 'canonicalDeclared'> {
  const declared = [
    attrOf($, 'link[rel="canonical"]', 'href'),
    attrOf($, 'meta[property="og:url"]', 'content'),
    attrOf($, 'meta[itemprop="mainEntityOfPage"]', 'itemid'),
  ];
  for (const url of declared) {
    const canonical = url === null ? null : canonicalTracklistUrl(url, LIVE_ORIGIN);
    if (canonical) return { sourceId: canonical.id, canonicalUrl: canonical.url, canonicalDeclared: true };
  }
  const fetched = canonicalTracklistUrl(fetchedUrl);
  const playlistId = attrOf($, '#tlTab, [itemtype$="/MusicPlaylist"]', 'data-id');
  return { sourceId: playlistId ?? fetched?.id ?? null, canonicalUrl: fetched?.url ?? null, canonicalDeclared: false };
}

function readDjs($: CheerioAPI): string[] {
  const links = $('#pageTitle a[href*="/dj/"], h1 a[href*="/dj/"]').toArray();
  const found = links.length > 0 ? links : $('#pageNavi a[href*="/dj/"]').toArray();
  const names = found.map((link) => collapse($(link).text())).filter(Boolean);
  if (names.length === 0) {
    const author = playlistMeta($, 'author');
    if (author) names.push(author);
  }
  return [...new Set(names)];
}

function isCalendarDate(iso: string): boolean {
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso);
}

function splitTitle(title: string | null): Pick<PageMetadata, 'event' | 'venue' | 'location' | 'dateText'> {
  const none = { event: null, venue: null, location: null, dateText: null };
  if (title === null || title.length > MAX_TITLE) return none;
  const afterDjs = /^.+?\s[-@–]\s(.+)$/.exec(title)?.[1];
  if (!afterDjs) return none;
  const dated = /^(.*?)\s*(\d{4}-\d{2}-\d{2})$/.exec(afterDjs);
  const place = (dated ? dated[1] : afterDjs) ?? '';
  const segments = place
    .split(',')
    .map((segment) => segment.trim())
    .filter(Boolean);
  return {
    event: segments[0] ?? null,
    venue: segments.length > 2 ? segments.slice(1, -1).join(', ') : null,
    location: segments.length > 1 ? (segments.at(-1) ?? null) : null,
    dateText: dated?.[2] ?? null,
  };
}

function readDeclaredCount($: CheerioAPI): number | null {
  const candidates = [
    attrOf($, '#tlTab', 'data-count'),
    playlistMeta($, 'numTracks'),
    /(\d{1,5})\s+tracks\b/.exec(attrOf($, 'meta[name="description"]', 'content') ?? '')?.[1] ?? null,
  ];
  const found = candidates.find((candidate) => candidate !== null && /^\d{1,5}$/.test(candidate));
  return found ? Number(found) : null;
}

/** Reads the page's metadata. `fetchedUrl` only stands in for a canonical URL the page does not give. */
export function readPageMetadata($: CheerioAPI, fetchedUrl: string): PageMetadata {
  const title =
    attrOf($, 'meta[property="og:title"]', 'content') ??
    (collapse($('title').first().text()) || null) ??
    playlistMeta($, 'name') ??
    (collapse($('#pageTitle').first().text()) || null);
  const where = splitTitle(title);
  const dateText = where.dateText ?? playlistMeta($, 'datePublished');
  const date = dateText && ISO_DATE.test(dateText) && isCalendarDate(dateText) ? dateText : null;
  return {
    ...readIdentity($, fetchedUrl),
    title,
    djs: readDjs($),
    ...where,
    dateText,
    date,
    declaredCount: readDeclaredCount($),
    hasPlaylist: $('#tlTab, [itemtype$="/MusicPlaylist"]').length > 0,
  };
}
