/**
 * The setlist.fm origin: `GET /rest/1.0/search/setlists` and `GET /rest/1.0/setlist/{id}`, with the API key
 * check and setlist.fm's JSON error bodies. Always answers JSON (the real API needs `Accept: application/json`,
 * else it sends XML; the crawler always asks for JSON).
 */
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { jsonReply, safeDecode, type Origin, type OriginRequest, type Reply } from './reply';

const PAGE_SIZE = 20;

/** Only the fields the search filters on; the stored object itself is served untouched. */
const setlistKeySchema = z.object({
  id: z.string().min(1),
  eventDate: z.string().optional(),
  artist: z.object({ name: z.string(), mbid: z.string().optional() }),
});

interface IndexedSetlist {
  keys: z.infer<typeof setlistKeySchema>;
  raw: unknown;
}

/** setlist.fm's error body: `{"code":404,"status":"Not Found","message":"not found","timestamp":"…"}`. */
function apiError(code: number, message: string): Reply {
  const timestamp = new Date().toISOString().replace('Z', '+0000');
  return jsonReply(code, { code, status: STATUS_CODES[code] ?? 'Error', message, timestamp });
}

/**
 * Checks the setlists up front: a fixture without an id or artist is a mistake in the test, and failing at
 * start-up says so more clearly than a search that silently skips it.
 */
function indexSetlists(setlists: readonly unknown[]): IndexedSetlist[] {
  return setlists.map((raw, index) => {
    const parsed = setlistKeySchema.safeParse(raw);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
      throw new TypeError(`setlistfm.setlists[${index}] is not a setlist.fm setlist (check ${where})`);
    }
    return { keys: parsed.data, raw };
  });
}

function searchSetlists(setlists: readonly IndexedSetlist[], query: URLSearchParams): Reply {
  const artistName = query.get('artistName')?.toLowerCase();
  const artistMbid = query.get('artistMbid');
  const year = query.get('year');
  if (!artistName && !artistMbid && !year) {
    return apiError(400, 'at least one of artistName, artistMbid, year is required');
  }
  const pageParam = query.get('p') ?? '1';
  if (!/^\d+$/.test(pageParam) || Number(pageParam) < 1) return apiError(400, `invalid page "${pageParam}"`);
  const page = Number(pageParam);
  const matches = setlists.filter(
    ({ keys }) =>
      (!artistName || keys.artist.name.toLowerCase() === artistName) &&
      (!artistMbid || keys.artist.mbid === artistMbid) &&
      (!year || keys.eventDate?.endsWith(`-${year}`) === true),
  );
  const slice = matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  // The real API answers 404 both when nothing matches and when the page is past the end.
  if (slice.length === 0) return apiError(404, 'not found');
  return jsonReply(200, {
    type: 'setlists',
    itemsPerPage: PAGE_SIZE,
    page,
    total: matches.length,
    setlist: slice.map(({ raw }) => raw),
  });
}

/** Builds the setlist.fm origin; throws when a setlist lacks `id` or `artist.name`. */
export function createSetlistfmOrigin(setlists: readonly unknown[], apiKey?: string): Origin {
  const indexed = indexSetlists(setlists);
  return (request: OriginRequest) => {
    if (!request.path.startsWith('/rest/')) return apiError(404, 'not found');
    if (apiKey !== undefined && request.headers['x-api-key'] !== apiKey) return apiError(403, 'Forbidden');
    if (request.path === '/rest/1.0/search/setlists') return searchSetlists(indexed, request.query);
    const byId = /^\/rest\/1\.0\/setlist\/([^/]+)$/.exec(request.path);
    if (byId?.[1] !== undefined) {
      const id = safeDecode(byId[1]);
      const found = indexed.find(({ keys }) => keys.id === id);
      return found === undefined ? apiError(404, 'not found') : jsonReply(200, found.raw);
    }
    return apiError(404, 'not found');
  };
}
