/**
 * setlist.fm setlist identity: the setlist id the API gives (`63de4613`), stored with the setlist's own `url`
 * (https://www.setlist.fm/setlist/…-63de4613.html). The API answers from whatever origin is configured (the
 * replay server in tests), but `url` is always the site's page (docs/identity.md).
 */
import type { ParsedSetlist } from '@songnodes/parsing';
import type { SetlistIdentity } from '../../refine/identity-types';

/** Twin of the pattern in silver.canonical_setlist_identity (sql/migrations/0007). */
const SETLIST_PAGE = /^https?:\/\/(?:www\.)?setlist\.fm(\/setlist\/[^?#]+)/;

export function setlistfmSetlistIdentity(parsed: ParsedSetlist): SetlistIdentity {
  const id = parsed.sourceId?.replace(/^ +| +$/g, '') || null;
  const path = SETLIST_PAGE.exec(parsed.sourceUrl)?.[1];
  if (id === null || path === undefined) {
    return { problem: `no setlist.fm setlist id and page (sourceId ${JSON.stringify(parsed.sourceId)}, URL ${parsed.sourceUrl})` };
  }
  return { sourceId: id, sourceUrl: `https://www.setlist.fm${path}` };
}
