import type { ParsedSetlist, ParseStatus } from './types';

/**
 * A setlist record with nothing read yet: the starting point of a parser, and the whole record when a page could
 * not be read at all (status 'error' plus why), so bronze still says what happened to that page.
 */
export function blankSetlist(
  source: ParsedSetlist['source'],
  sourceUrl: string,
  status: ParseStatus = 'ok',
  statusReason: string | null = null,
  sourceId: string | null = null,
): ParsedSetlist {
  return {
    source,
    sourceUrl,
    sourceId,
    title: null,
    djs: [],
    event: null,
    venue: null,
    location: null,
    dateText: null,
    date: null,
    status,
    statusReason,
    parts: [],
    warnings: [],
  };
}
