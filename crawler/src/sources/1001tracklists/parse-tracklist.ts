/**
 * 1001tracklists tracklist page (HTML as rendered by a browser) -> ParsedSetlist. Pure, never throws.
 *
 * Markup read (see fixtures/tracklist.html and SOURCE.md):
 * - rows: `div.tlpItem` in document order (`.tlpTog` rows, `data-trno` from 0) inside `#tlTab`;
 *   the track text is `[itemprop=tracks] > meta[itemprop=name]` ("Artist - Title (Remix)"), or `.trackValue`
 *   text for ID rows, which carry no microdata;
 * - identified rows carry `data-isided="true"`; rows the community has not IDed lack it ("ID - ID", "Bicep - ID");
 * - cue: `div.cue` (or the older `.cueValueField`) text such as "12:34" / "1:02:33"; empty when unknown
 *   (the hidden `*_cue_seconds` input then still says 0, so it is not read on its own);
 * - label: `meta[itemprop=publisher]` (full name, "Ninja Tune"), else the `.trackLabel` badge ("NINJA");
 * - "w/" rows (played together with the previous track): class `con` and track number text "w/";
 * - mashup parts: `tlpSubTog` rows with `data-mashpos`, hidden under their mashup row: not played in sequence,
 *   so they are not rows of their own (that would invent transitions) but are named on the mashup row;
 * - deleted rows: class `deleted`, skipped.
 * The fixture has no cue, "w/", mashup or deleted rows; that markup is inferred from the page's own scripts
 * (`posE.data("mashpos")`, "Suggest a mashup part") and public scrapers of the site, and tested on a synthetic page.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { parseTrackLine } from '../../parse/track-line';
import type { ParsedSetlist, ParsedTrackLine } from '../../parse/types';
import { detect1001Block } from './detect-block';
import { blankSetlist } from '../../parse/setlist-record';

/** Options for `parse1001Tracklist`. */
export interface Parse1001TracklistOptions {
  /** the URL the page was fetched from; stored as `sourceUrl` */
  sourceUrl: string;
}

type Selection = ReturnType<ReturnType<CheerioAPI['root']>['find']>;

interface PageMetadata {
  sourceId: string | null;
  title: string | null;
  djs: string[];
  event: string | null;
  venue: string | null;
  location: string | null;
  dateText: string | null;
  date: string | null;
}

interface RowsRead {
  rows: ParsedTrackLine[];
  /** rows the page shows as deleted; they still count against the declared track count */
  deletedCount: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EXACT_CUE = /^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$/;

/**
 * Parses a 1001tracklists tracklist page into one setlist with one part.
 * Status: 'blocked' for the anti-bot interstitial (see `detect1001Block`); 'error' for a page that is truncated
 * (no closing `</html>`, or fewer rows than the page declares — the rows that could be read are still returned)
 * or has no tracklist at all; 'empty' for a complete tracklist without rows; otherwise 'ok'.
 */
export function parse1001Tracklist(html: string, options: Parse1001TracklistOptions): ParsedSetlist {
  try {
    return parsePage(typeof html === 'string' ? html : '', options.sourceUrl);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...emptySetlist(options.sourceUrl), status: 'error', statusReason: `parser failed: ${message}` };
  }
}

function parsePage(html: string, sourceUrl: string): ParsedSetlist {
  const block = detect1001Block(html);
  if (block.blocked) return { ...emptySetlist(sourceUrl), status: 'blocked', statusReason: block.reason };

  const $ = cheerio.load(html);
  const warnings: string[] = [];
  const { rows, deletedCount } = readRows($, warnings);
  const declared = readDeclaredTrackCount($);
  const setlist: ParsedSetlist = {
    ...emptySetlist(sourceUrl),
    ...readPageMetadata($),
    parts: [{ index: 0, name: null, rows }],
    warnings,
  };
  if (!hasClosingHtmlTag(html)) {
    const readSoFar = `read ${rows.length} of ${declared ?? 'an unknown number of'} rows`;
    return withStatus(setlist, 'error', `page is truncated (no closing </html>); ${readSoFar}`);
  }
  if (rows.length === 0 && $('#tlTab').length === 0) {
    const reason = 'no tracklist on the page (#tlTab missing): not a tracklist page, or the layout changed';
    return withStatus(setlist, 'error', reason);
  }
  if (rows.length === 0) {
    const note = declared ? ` although the page declares ${declared} tracks` : '';
    return withStatus(setlist, 'empty', `tracklist has no rows${note}`);
  }
  if (declared !== null && rows.length + deletedCount < declared) {
    return withStatus(setlist, 'error', `page declares ${declared} tracks but only ${rows.length} rows were read`);
  }
  return setlist;
}

function readRows($: CheerioAPI, warnings: string[]): RowsRead {
  const rows: ParsedTrackLine[] = [];
  let deletedCount = 0;
  // Some layouts may not mark IDed rows at all; only trust a missing flag when the page uses the flag somewhere.
  const pageUsesIdedFlag = $('.tlpItem[data-isided]').length > 0;
  for (const element of $('div.tlpItem').toArray()) {
    const row = $(element);
    const text = readTrackText(row);
    if (row.is('[data-mashpos]') || row.hasClass('tlpSubTog')) {
      attachMashupPart(rows.at(-1), text, warnings);
      continue;
    }
    if (row.hasClass('deleted')) {
      deletedCount += 1;
      warnings.push(`row deleted on 1001tracklists left out: "${text}"`);
      continue;
    }
    rows.push(buildRow(row, text, pageUsesIdedFlag));
  }
  return { rows, deletedCount };
}

/** The page's fields complete what the shared track-line parser reads from the "Artist - Title" text. */
function buildRow(row: Selection, text: string, pageUsesIdedFlag: boolean): ParsedTrackLine {
  const line = parseTrackLine(text);
  const warnings = [...line.warnings];
  const notIded = pageUsesIdedFlag && row.attr('data-isided') !== 'true';
  if (notIded && !line.unidentified) warnings.push('1001tracklists marks this row as not IDed');
  if (text === '') warnings.push('row has no track text');

  const trackNumber = collapse(row.find('[id$="_tracknumber_value"]').first().text());
  const playedWith = row.hasClass('con') || /^w\/$/i.test(trackNumber);
  if (playedWith) warnings.push('played together with the previous track ("w/")');

  // An edit note ("Live Edit") says how the DJ played the track, not which release it is: kept out of `version`.
  const editNote = collapse(row.find('.trackEditData').first().text()).replace(/^\((.*)\)$/, '$1');
  if (editNote) warnings.push(`1001tracklists edit note: ${editNote}`);

  const cue = readCue(row);
  return {
    ...line,
    cue: cue.text ?? line.cue,
    cueSeconds: cue.text ? cue.seconds : line.cueSeconds,
    label: readLabel(row) ?? line.label,
    unidentified: line.unidentified || notIded || text === '',
    layered: line.layered || playedWith,
    warnings,
  };
}

/** A mashup part is named on its mashup row, which becomes a blend row. */
function attachMashupPart(mashupRow: ParsedTrackLine | undefined, text: string, warnings: string[]): void {
  if (!mashupRow) {
    warnings.push(`mashup part without a mashup row before it left out: "${text}"`);
    return;
  }
  mashupRow.layered = true;
  mashupRow.warnings.push(`mashup part: ${text || '(no text)'}`);
}

function readTrackText(row: Selection): string {
  const microdata = row.find('[itemprop="tracks"] > meta[itemprop="name"]').first().attr('content');
  return collapse(microdata ?? row.find('.trackValue').first().text());
}

function readCue(row: Selection): { text: string | null; seconds: number | null } {
  const text = collapse(row.find('div.cue, .cueValueField').first().text());
  if (!text) return { text: null, seconds: null };
  const exact = EXACT_CUE.exec(text);
  if (exact) {
    const [, hours, minutes, seconds] = exact;
    return { text, seconds: Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds) };
  }
  // Partial or unknown cues ("?", "1?") have no exact seconds, whatever the hidden input says.
  return { text, seconds: null };
}

function readLabel(row: Selection): string | null {
  const publishers = row
    .find('[itemprop="tracks"] > meta[itemprop="publisher"]')
    .toArray()
    .map((meta) => collapse(meta.attribs['content'] ?? ''));
  const badgeElements = row.find('.trackLabel');
  const badges = Array.from({ length: badgeElements.length }, (_, i) => collapse(badgeElements.eq(i).text()));
  const labels = [...new Set((publishers.some(Boolean) ? publishers : badges).filter(Boolean))];
  return labels.length > 0 ? labels.join(' / ') : null;
}

function readPageMetadata($: CheerioAPI): PageMetadata {
  const title =
    collapse($('meta[property="og:title"]').attr('content') ?? '') ||
    collapse($('title').first().text()) ||
    collapse($('#pageTitle h1').first().text()) ||
    null;
  const canonical = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content') ?? '';
  const sourceId = $('#tlTab').attr('data-id') ?? /\/tracklist\/([^/]+)\//.exec(canonical)?.[1] ?? null;

  const djLinks = $('#pageTitle h1 a[href*="/dj/"]')
    .toArray()
    .map((link) => collapse($(link).text()));
  const author = collapse($('#tlTab meta[itemprop="author"]').attr('content') ?? '');
  const djs = [...new Set(djLinks.filter(Boolean))];
  if (djs.length === 0 && author) djs.push(author);

  const where = splitTitle(title);
  const published = $('#tlTab meta[itemprop="datePublished"]').attr('content')?.trim() ?? null;
  // dcterms.created is when the tracklist was posted (the day after here), not when the set was played.
  const dateText = where.dateText ?? published;
  const date = dateText && ISO_DATE.test(dateText) && isCalendarDate(dateText) ? dateText : null;
  return { sourceId, title, djs, event: where.event, venue: where.venue, location: where.location, dateText, date };
}

/**
 * Best-effort split of a 1001tracklists title, "DJs - Event, Venue, Country YYYY-MM-DD" (also "DJs @ ..."):
 * first segment after the DJs = event, last = location, the ones between = venue. The full title is kept as well.
 */
function splitTitle(title: string | null): Pick<PageMetadata, 'event' | 'venue' | 'location' | 'dateText'> {
  const none = { event: null, venue: null, location: null, dateText: null };
  const afterDjs = title ? /^.+?\s+[-@–]\s+(.+)$/.exec(title)?.[1] : undefined;
  if (!afterDjs) return none;
  const dated = /^(.*?)\s*(\d{4}-\d{2}-\d{2})$/.exec(afterDjs);
  const place = (dated ? dated[1] : afterDjs) ?? '';
  const segments = place.split(',').map((segment) => segment.trim()).filter(Boolean);
  return {
    event: segments[0] ?? null,
    venue: segments.length > 2 ? segments.slice(1, -1).join(', ') : null,
    location: segments.length > 1 ? (segments.at(-1) ?? null) : null,
    dateText: dated?.[2] ?? null,
  };
}

/** `#tlTab[data-count]`, `numTracks` microdata, or "22 tracks" in the description; null when none says. */
function readDeclaredTrackCount($: CheerioAPI): number | null {
  const candidates = [
    $('#tlTab').attr('data-count'),
    $('#tlTab meta[itemprop="numTracks"]').attr('content'),
    /(\d+)\s+tracks\b/.exec($('meta[name="description"]').attr('content') ?? '')?.[1],
  ];
  for (const candidate of candidates) {
    if (candidate !== undefined && /^\s*\d+\s*$/.test(candidate)) return Number(candidate);
  }
  return null;
}

/**
 * A browser's serialised DOM always ends with `</html>`; a body cut short (dropped connection, size limit)
 * does not. Cheerio would silently close the open tags, so the raw text is checked.
 */
function hasClosingHtmlTag(html: string): boolean {
  return /<\/html\s*>/i.test(html.slice(-4096));
}

function isCalendarDate(iso: string): boolean {
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function withStatus(setlist: ParsedSetlist, status: ParsedSetlist['status'], reason: string): ParsedSetlist {
  return { ...setlist, status, statusReason: reason };
}

function emptySetlist(sourceUrl: string): ParsedSetlist {
  return blankSetlist('1001tracklists', sourceUrl);
}
