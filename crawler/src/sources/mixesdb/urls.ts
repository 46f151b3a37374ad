/**
 * MixesDB URLs. MediaWiki writes page titles with underscores for spaces; the raw wikitext of a page comes from
 * index.php?action=raw on whatever origin the crawler uses (the live site, the replay server), while a setlist's
 * identity is its page title and its stored URL the page on https://www.mixesdb.com (docs/identity.md).
 */
import type { SetlistIdentity } from '../../refine/identity-types';
import type { ParsedSetlist } from '@songnodes/parsing';

const CANONICAL_ORIGIN = 'https://www.mixesdb.com';

/**
 * MediaWiki's wfUrlencode: PHP urlencode of the UTF-8 bytes, then `; : @ $ ! * ( ) , / ~` put back. So "&" and
 * "'" are escaped (".../w/2004-02-29_-_Harry_%27Choo_Choo%27_Romero_-_Essential_Mix", as MediaWiki links it).
 */
function titleSegment(title: string): string {
  return encodeURIComponent(title.replace(/ /g, '_'))
    .replace(/'/g, '%27')
    .replace(/%(3B|3A|40|24|2C|2F)/gi, (code) => decodeURIComponent(code));
}

export function mixesdbRawUrl(baseUrl: string, title: string): string {
  return `${baseUrl}/w/index.php?title=${encodeURIComponent(title.replace(/ /g, '_'))}&action=raw`;
}

/** The page of `title` on `baseUrl` (what a person pasting a link from that origin would give). */
export function mixesdbPageUrl(baseUrl: string, title: string): string {
  return `${baseUrl}/w/${titleSegment(title)}`;
}

/** The page of `title` on MixesDB itself: the URL a setlist is stored with, whatever origin it came from. */
export function mixesdbCanonicalUrl(title: string): string {
  return mixesdbPageUrl(CANONICAL_ORIGIN, title);
}

/**
 * A page title as MixesDB's identity of a mix: underscores as spaces, runs of spaces as one, none at the ends;
 * null for nothing left or a URL where a title belongs. Twin of silver.mixesdb_title (sql/migrations/0007).
 */
export function mixesdbTitle(raw: string | null): string | null {
  const title = (raw ?? '')
    .replace(/_/g, ' ')
    .replace(/ +/g, ' ')
    .replace(/^ +| +$/g, '');
  return title === '' || /^https?:\/\//i.test(title) ? null : title;
}

/** The page title a raw URL asks for, or null when the URL is not one of ours. */
export function titleFromRawUrl(url: string): string | null {
  const title = new URL(url).searchParams.get('title');
  return title === null ? null : title.replace(/_/g, ' ');
}

/** A MixesDB setlist's identity: its page title (the parser's sourceId) and that page on mixesdb.com. */
export function mixesdbSetlistIdentity(parsed: ParsedSetlist): SetlistIdentity {
  const title = mixesdbTitle(parsed.sourceId);
  if (title === null) return { problem: `no MixesDB page title (sourceId ${JSON.stringify(parsed.sourceId)})` };
  return { sourceId: title, sourceUrl: mixesdbCanonicalUrl(title) };
}

/** `/w/api.php` search for `query`, starting at result `offset`. */
export function mixesdbSearchUrl(baseUrl: string, query: string, offset: number): string {
  const params = new URLSearchParams({ action: 'query', list: 'search', srsearch: query, format: 'json', srlimit: '50' });
  if (offset > 0) params.set('sroffset', String(offset));
  return `${baseUrl}/w/api.php?${params.toString()}`;
}
