import type { SetlistIdentity } from '../refine/identity-types';
/**
 * The real source identity of an imported setlist (ARCHITECTURE §8): an imported MixesDB page IS that MixesDB
 * setlist, a saved 1001tracklists page IS that tracklist, so each meets a crawled copy as one setlist. A text or CUE
 * tracklist has no site: its identity is the source URL given with it, canonicalised, else a hash of its text.
 */
import { createHash } from 'node:crypto';
import type { ParsedSetlist } from '@songnodes/parsing';
import { mixesdbPageUrl } from '../sources/mixesdb/urls';
import type { ImportSource } from './types';

export const MIXESDB_ORIGIN = 'https://www.mixesdb.com';
export const TRACKLISTS1001_ORIGIN = 'https://www.1001tracklists.com';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The MediaWiki page title in a MixesDB key or URL, as the crawler stores it (spaces, not underscores):
 * "/w/1995-02-19_-_Evil_Eddie_Richards_-_Essential_Mix", "https://www.mixesdb.com/w/…", "…?title=…&action=raw"
 * and a bare "1995-02-19 - Evil Eddie Richards - Essential Mix" all give "1995-02-19 - Evil Eddie Richards - Essential Mix".
 * Null when nothing title-like is left.
 */
export function mixesdbTitleFromKey(key: string): string | null {
  let path = key.trim();
  const rawTitle = /[?&]title=([^&#]+)/.exec(path)?.[1];
  if (rawTitle !== undefined) path = rawTitle;
  else
    path = path
      .replace(/^https?:\/\/[^/]+/i, '')
      .replace(/^\/?w\//, '')
      .replace(/[?#].*$/, '');
  let decoded = path;
  try {
    decoded = decodeURIComponent(path.replace(/\+/g, rawTitle !== undefined ? ' ' : '+'));
  } catch {
    // A lone "%" in a title is text, not an escape.
  }
  const title = decoded.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return title === '' ? null : title;
}

/** The page a person opens for a MixesDB title: `https://www.mixesdb.com/w/<Page_title>`. */
export function mixesdbCanonicalUrl(title: string): string {
  return mixesdbPageUrl(MIXESDB_ORIGIN, title);
}

/**
 * A 1001tracklists tracklist URL on the live site's origin, whatever host the page was saved from
 * (`http://1001tracklists.com/tracklist/…`, a mirror), without query or fragment. Null for anything that is not a
 * `/tracklist/<id>/…` page.
 */
export function tracklists1001CanonicalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!/^\/tracklist\/[^/]+\//.test(parsed.pathname)) return null;
  return `${TRACKLISTS1001_ORIGIN}${parsed.pathname}`;
}

/** Query parameters that say where a click came from, not what the page is. */
const TRACKING_PARAMETER = /^(utm_.*|fbclid|gclid|si|ref|ref_src|feature)$/i;

/**
 * A URL given with a text or CUE tracklist, in one spelling: https, lower-case host without "www.", no fragment,
 * no tracking parameters, no trailing slash. Null when it is not an http(s) URL.
 */
export function canonicalSourceUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.protocol = 'https:';
  parsed.hostname = parsed.hostname.toLowerCase().replace(/^www\./, '');
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) if (TRACKING_PARAMETER.test(name)) parsed.searchParams.delete(name);
  parsed.searchParams.sort();
  const text = parsed.toString();
  return parsed.search === '' ? text.replace(/\/+$/, '') : text;
}

/**
 * The text a content hash is taken over: line endings, trailing spaces and blank lines do not make another
 * tracklist (the same list copied from two places hashes the same).
 */
export function normalisedTracklistText(text: string): string {
  return text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Identity of a text/CUE tracklist: its canonical source URL when one is given, else `urn:sha256:<hash of its text>`. */
export function freeTextIdentity(text: string, givenUrl: string | null): { sourceUrl: string; sourceId: string } {
  const canonical = givenUrl === null ? null : canonicalSourceUrl(givenUrl);
  if (canonical !== null) return { sourceUrl: canonical, sourceId: canonical };
  const hash = sha256Hex(normalisedTracklistText(text));
  return { sourceUrl: `urn:sha256:${hash}`, sourceId: hash };
}

/** A parsed setlist of a source without a site: `text` or `cue` (ops.is_known_source knows them since 0013). */
export function withImportSource(parsed: ParsedSetlist, source: ImportSource): ParsedSetlist {
  return { ...parsed, source };
}

/**
 * The store step's identity check for `text` / `cue` setlists (refine/setlist-identity.ts): the reader gave them
 * their identity already (`freeTextIdentity`: the canonical source URL, else the hash of the text); a parse that
 * lost it has none.
 */
export function importedSetlistIdentity(parsed: ParsedSetlist): SetlistIdentity {
  const id = parsed.sourceId?.trim() || null;
  const url = parsed.sourceUrl.trim();
  if (id === null || !/^(https:\/\/|urn:sha256:)/.test(url)) {
    return {
      problem: `no identity for a ${parsed.source} tracklist (sourceId ${JSON.stringify(parsed.sourceId)}, URL ${parsed.sourceUrl})`,
    };
  }
  return { sourceId: id, sourceUrl: url };
}
