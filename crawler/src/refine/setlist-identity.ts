import { importedSetlistIdentity } from '../import/source-identity';
import type { ParsedSetlist } from '@songnodes/parsing';
import { tracklists1001SetlistIdentity } from '../sources/1001tracklists/urls';
import { mixesdbSetlistIdentity } from '../sources/mixesdb/urls';
import { setlistfmSetlistIdentity } from '../sources/setlistfm/urls';
import type { SetlistIdentity } from './identity-types';

const IDENTITY: Record<ParsedSetlist['source'], (parsed: ParsedSetlist) => SetlistIdentity> = {
  mixesdb: mixesdbSetlistIdentity,
  '1001tracklists': tracklists1001SetlistIdentity,
  setlistfm: setlistfmSetlistIdentity,
  text: importedSetlistIdentity,
  cue: importedSetlistIdentity,
};

/**
 * A parsed setlist as the store step writes it: `sourceId` the source's own id and `sourceUrl` the canonical
 * https:// page, whatever origin it was fetched from and whatever the parser put there (docs/identity.md). A parse
 * whose identity cannot be told is kept for bronze with its URL as found, no id, and — if it looked fine — status
 * 'error' with the reason, so it never reaches silver under an origin URL.
 */
export function withCanonicalIdentity(parsed: ParsedSetlist): ParsedSetlist {
  const identity = IDENTITY[parsed.source](parsed);
  if ('problem' in identity) {
    return parsed.status === 'ok'
      ? { ...parsed, sourceId: null, status: 'error', statusReason: identity.problem }
      : { ...parsed, sourceId: null };
  }
  return { ...parsed, ...identity };
}
