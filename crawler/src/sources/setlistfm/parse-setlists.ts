/**
 * setlist.fm REST API JSON (`GET /rest/1.0/search/setlists`, `GET /rest/1.0/setlist/{id}`) -> ParsedSetlist records.
 * Pure: JSON in, records out, no I/O, never throws. Shapes are checked with zod `safeParse`; anything that does not
 * fit becomes an 'error' result with a reason instead of an exception.
 *
 * setlist.fm songs are structured (name + performer + cover/with objects), not free text, so rows are built here
 * directly instead of through the shared free-text track-line parser: that parser would re-split a structured act
 * name ("Nick Cave & The Bad Seeds") and read setlist.fm's own bracket notes ("(Girls Aloud cover)", "(Reprise)")
 * as versions.
 */
import { isValidArtistCredit } from '@songnodes/contracts';
import { z } from 'zod';
import type { ParsedPart, ParsedSetlist, ParsedTrackLine } from '@songnodes/parsing';
import { blankSetlist } from '@songnodes/parsing';

const artistRefSchema = z.object({ name: z.string() });

const songSchema = z.object({
  name: z.string().optional(),
  info: z.string().optional(),
  tape: z.boolean().optional(),
  cover: artistRefSchema.optional(),
  with: artistRefSchema.optional(),
});

const setSchema = z.object({
  name: z.string().optional(),
  encore: z.number().int().optional(),
  song: z.array(songSchema).optional(),
});

const setlistSchema = z.object({
  id: z.string(),
  eventDate: z.string(),
  url: z.string(),
  artist: artistRefSchema,
  venue: z
    .object({
      name: z.string().optional(),
      city: z.object({ name: z.string().optional(), country: z.object({ name: z.string().optional() }).optional() }).optional(),
    })
    .optional(),
  tour: z.object({ name: z.string().optional() }).optional(),
  sets: z.object({ set: z.array(setSchema) }),
});

const searchPageSchema = z.object({
  itemsPerPage: z.number().int(),
  page: z.number().int(),
  total: z.number().int(),
  setlist: z.array(z.unknown()).optional(),
});

/** setlist.fm error bodies: `{status: 404, message: "Not Found"}` (old) or `{code: 404, status: "Not Found", ...}`. */
const apiErrorSchema = z.union([
  z.object({ status: z.number().int(), message: z.string().optional(), error: z.string().optional() }),
  z.object({ code: z.number().int(), status: z.string().optional(), message: z.string().optional() }),
]);

type SetlistfmSetlist = z.infer<typeof setlistSchema>;
type SetlistfmSong = z.infer<typeof songSchema>;

/** One page of `GET /rest/1.0/search/setlists`, parsed. */
export interface SetlistfmSearchPage {
  setlists: ParsedSetlist[];
  page: number;
  total: number;
  itemsPerPage: number;
  /** the page to request next; null on the last page or when the body was not a search page */
  nextPage: number | null;
  /** HTTP-like status of an API error body (setlist.fm answers a search without results with 404); null otherwise */
  apiStatus: number | null;
  /** why the body is not a readable search page (API error body, wrong shape, bad JSON); null when it is */
  error: string | null;
}

/** Segue markers only say "went straight into the next song", which the row order already says. */
const SEGUE_INFO = /^\s*(?:>|->|-->|→)\s*$/;
/** Old captures wrote covers into the name: "Call The Shots (Girls Aloud cover)". */
const COVER_IN_NAME = /^(.*\S)\s*\(([^()]+?)\s+cover\)\s*$/i;
/** The one version we trust in a structured song name: a trailing "(X Remix)". */
const REMIX_IN_NAME = /^(.*\S)\s*[([]([^()[\]]*?)\s*\bRemix[)\]]\s*$/i;
const EVENT_DATE = /^(\d{2})-(\d{2})-(\d{4})$/;

/**
 * Parses a setlist.fm setlists page (`{type: "setlists", itemsPerPage, page, total, setlist: [...]}`).
 * Accepts the decoded JSON or its text. Each setlist is parsed on its own, so one malformed setlist becomes one
 * 'error' record and does not hide the others. API error bodies and other shapes give `error` and no setlists.
 */
export function parseSetlistfmSearch(json: unknown): SetlistfmSearchPage {
  const body = decodeJson(json);
  if (!body.ok) return failedPage(body.reason, null);
  const apiError = readApiError(body.value);
  if (apiError) return failedPage(apiError.reason, apiError.status);
  const page = searchPageSchema.safeParse(body.value);
  if (!page.success) return failedPage(`not a setlist.fm setlists page: ${describeIssues(page.error)}`, null);

  const { itemsPerPage, total } = page.data;
  const pageNumber = page.data.page;
  const hasMore = itemsPerPage > 0 && pageNumber * itemsPerPage < total;
  return {
    setlists: (page.data.setlist ?? []).map((item) => parseSetlistfmSetlist(item)),
    page: pageNumber,
    total,
    itemsPerPage,
    nextPage: hasMore ? pageNumber + 1 : null,
    apiStatus: null,
    error: null,
  };
}

/**
 * Parses one setlist.fm setlist object (as in `GET /rest/1.0/setlist/{id}` or one item of a search page).
 * Never throws: a wrong shape or an API error body gives a setlist with status 'error' and a reason.
 * @param options.requestUrl URL to record when the body carries none (error bodies); defaults to ''.
 */
export function parseSetlistfmSetlist(json: unknown, options: { requestUrl?: string } = {}): ParsedSetlist {
  const body = decodeJson(json);
  if (!body.ok) return failedSetlist(options.requestUrl ?? '', null, body.reason);
  const apiError = readApiError(body.value);
  if (apiError) return failedSetlist(options.requestUrl ?? '', null, apiError.reason);
  const parsed = setlistSchema.safeParse(body.value);
  if (!parsed.success) {
    const loose = body.value as { url?: unknown; id?: unknown } | null;
    const url = typeof loose?.url === 'string' ? loose.url : (options.requestUrl ?? '');
    const id = typeof loose?.id === 'string' ? loose.id : null;
    return failedSetlist(url, id, `setlist has an unexpected shape: ${describeIssues(parsed.error)}`);
  }
  return buildSetlist(parsed.data);
}

function buildSetlist(setlist: SetlistfmSetlist): ParsedSetlist {
  const warnings: string[] = [];
  const performer = setlist.artist.name.trim();
  const parts: ParsedPart[] = setlist.sets.set.map((set, index) => ({
    index,
    name: nameSetPart(set.name, set.encore),
    rows: readLiveSongs(set.song ?? [], performer, warnings),
  }));
  const rowCount = parts.reduce((sum, part) => sum + part.rows.length, 0);
  const venue = setlist.venue?.name?.trim() || null;
  const location = joinPresent([setlist.venue?.city?.name, setlist.venue?.city?.country?.name]);
  const date = toIsoDate(setlist.eventDate);
  if (!date) warnings.push(`eventDate "${setlist.eventDate}" is not a dd-MM-yyyy date`);
  const where = joinPresent([venue, location]);
  const title = `${performer}${where ? ` @ ${where}` : ''}${date ? ` ${date}` : ''}`;

  let statusReason: string | null = null;
  if (parts.length === 0) statusReason = 'setlist.fm lists no sets for this show (sets.set is empty)';
  else if (rowCount === 0) statusReason = 'setlist.fm lists no live songs for this show (only tapes or empty sets)';
  return {
    source: 'setlistfm',
    sourceUrl: setlist.url,
    sourceId: setlist.id,
    title,
    djs: performer ? [performer] : [],
    event: setlist.tour?.name?.trim() || null,
    venue,
    location,
    dateText: setlist.eventDate,
    date,
    status: statusReason ? 'empty' : 'ok',
    statusReason,
    parts,
    warnings,
  };
}

/**
 * Turns a set's songs into rows, in order. `tape: true` songs are left out: a tape is played from a recording
 * (intro music, walk-on, outro), not performed, so it is not part of the set and must not create transitions
 * between the songs around it. They are named in the setlist warnings so nothing disappears silently.
 */
function readLiveSongs(songs: SetlistfmSong[], performer: string, warnings: string[]): ParsedTrackLine[] {
  const rows: ParsedTrackLine[] = [];
  for (const song of songs) {
    if (song.tape) {
      warnings.push(`tape left out (played from a recording, not live): "${song.name ?? ''}"`);
      continue;
    }
    rows.push(buildSongRow(song, performer));
  }
  return rows;
}

/**
 * One song -> one row. A cover is credited to its ORIGINAL artist (`cover.name`), because the graph links
 * recordings/compositions, not who happened to perform them; `with` (a guest on stage) becomes featured.
 * `raw` is composed as "Artist - Song" so bronze rows read like the other sources' lines.
 */
function buildSongRow(song: SetlistfmSong, performer: string): ParsedTrackLine {
  const warnings: string[] = [];
  let title = song.name?.trim() ?? '';
  let artist = song.cover?.name.trim() || performer;
  const coverInName = COVER_IN_NAME.exec(title);
  if (coverInName?.[1] && coverInName[2] && !song.cover) {
    title = coverInName[1];
    artist = coverInName[2].trim();
    warnings.push(`cover read from the song name: original artist "${artist}"`);
  }
  let version: string | null = null;
  let remixers: string[] = [];
  const remix = REMIX_IN_NAME.exec(title);
  if (remix?.[1]) {
    title = remix[1];
    version = `${remix[2] ? `${remix[2]} ` : ''}Remix`;
    remixers = remix[2] ? [remix[2]] : [];
  }
  if (song.info && !SEGUE_INFO.test(song.info)) warnings.push(`setlist.fm note: ${song.info.trim()}`);

  const unidentified = title === '';
  const credit = unidentified ? null : artist || null;
  return {
    raw: unidentified ? (song.name ?? '') : `${artist} - ${song.name ?? ''}`,
    cue: null,
    cueSeconds: null,
    artist: credit,
    title: unidentified ? null : title,
    version,
    remixers,
    featured: song.with?.name.trim() ? [song.with.name.trim()] : [],
    primaryArtists: credit ? [credit] : [],
    label: null,
    catalog: null,
    unidentified,
    artistValid: isValidArtistCredit(credit),
    layered: false,
    warnings: unidentified ? [...warnings, 'song has no name on setlist.fm'] : warnings,
  };
}

/** "Set 1:" -> "Set 1"; `encore: 2` -> "Encore 2"; no name and no encore -> null (the main set). */
function nameSetPart(name: string | undefined, encore: number | undefined): string | null {
  if (encore !== undefined && encore > 0) return `Encore ${encore}`;
  const trimmed = name?.trim().replace(/:\s*$/, '').trim();
  return trimmed || null;
}

/** "27-04-2025" -> "2025-04-27"; null unless it is a real calendar date. */
function toIsoDate(eventDate: string): string | null {
  const match = EVENT_DATE.exec(eventDate.trim());
  if (!match) return null;
  const [, day, month, year] = match;
  const iso = `${year}-${month}-${day}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(iso) ? iso : null;
}

function joinPresent(values: Array<string | null | undefined>): string | null {
  const present = values.map((value) => value?.trim()).filter((value): value is string => !!value);
  return present.length > 0 ? present.join(', ') : null;
}

type Decoded = { ok: true; value: unknown } | { ok: false; reason: string };

function decodeJson(json: unknown): Decoded {
  if (typeof json !== 'string') return { ok: true, value: json };
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (error) {
    return { ok: false, reason: `body is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function readApiError(value: unknown): { status: number; reason: string } | null {
  if (value && typeof value === 'object' && ('setlist' in value || 'sets' in value)) return null;
  const parsed = apiErrorSchema.safeParse(value);
  if (!parsed.success) return null;
  const body = parsed.data;
  const status = 'code' in body ? body.code : body.status;
  const text = [body.message, 'error' in body ? body.error : undefined].find((part) => part?.trim()) ?? 'no message';
  return { status, reason: `setlist.fm API error ${status}: ${text}` };
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

function failedPage(reason: string, apiStatus: number | null): SetlistfmSearchPage {
  return { setlists: [], page: 0, total: 0, itemsPerPage: 0, nextPage: null, apiStatus, error: reason };
}

function failedSetlist(sourceUrl: string, sourceId: string | null, reason: string): ParsedSetlist {
  return blankSetlist('setlistfm', sourceUrl, 'error', reason, sourceId);
}
