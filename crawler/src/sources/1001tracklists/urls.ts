/**
 * 1001tracklists setlist identity: the tracklist id (`1gz59x6t` in /tracklist/1gz59x6t/bicep-….html), stored with
 * the page on https://www.1001tracklists.com whatever origin the page was loaded from (docs/identity.md).
 */
import type { ParsedSetlist } from '@songnodes/parsing';
import type { SetlistIdentity } from '../../refine/identity-types';

const CANONICAL_ORIGIN = 'https://www.1001tracklists.com';
const TRACKLIST_ID = /^[0-9A-Za-z]+$/;
/** The id in a tracklist URL of any origin. Twin of the pattern in silver.canonical_setlist_identity (0007). */
const ID_IN_URL = /\/tracklist\/([0-9A-Za-z]+)(?:[/?#]|$)/;
/** The tracklist path of an absolute URL, as written (no query, no fragment). */
const PATH_IN_URL = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]+(\/tracklist\/[^?#]*)/;

/**
 * The page's own id (the parser reads `#tlTab[data-id]` or the canonical link) or else the one in its URL; the
 * URL is the tracklist path on 1001tracklists.com when it names that id and a slug, else `/tracklist/<id>/`.
 */
export function tracklists1001SetlistIdentity(parsed: ParsedSetlist): SetlistIdentity {
  const id = parsed.sourceId?.replace(/^ +| +$/g, '') || ID_IN_URL.exec(parsed.sourceUrl)?.[1] || null;
  if (id === null || !TRACKLIST_ID.test(id)) {
    return { problem: `no 1001tracklists tracklist id (sourceId ${JSON.stringify(parsed.sourceId)}, URL ${parsed.sourceUrl})` };
  }
  const path = PATH_IN_URL.exec(parsed.sourceUrl)?.[1];
  const named = path?.startsWith(`/tracklist/${id}/`) && path.length > `/tracklist/${id}/`.length;
  return { sourceId: id, sourceUrl: `${CANONICAL_ORIGIN}${named ? path : `/tracklist/${id}/`}` };
}
