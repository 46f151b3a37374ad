/**
 * One tracklist line of free text -> one ParsedTrackLine per track it names. Shared by every free-text source.
 * It strips MediaWiki/HTML markup itself, so callers may pass a line as found (docs/parsing.md).
 *
 * Cost: linear in the line. Markup removal is one pass of linear patterns (text.ts); a line longer than
 * MAX_ROW_CHARS after it is kept as written and not read further; everything after that is a bounded number of
 * single passes over the line (one masking per piece, one unit split per title side, anchored patterns).
 */
import { isValidArtistCredit } from '@songnodes/contracts';
import { hasBalancedBrackets, maskBracketed, type TopLevelMatch } from './brackets';
import { splitArtistCredit, splitFeaturing, uniqueNames } from './artist-credit';
import { takeLeadingCue, takeTrailingCue, type LeadingCue } from './cue';
import { splitLayeredPieces } from './layered';
import { readListNumber } from './numbering';
import { toPlainText } from './text';
import { parseTitleSide } from './title-side';
import type { ParsedTrackLine } from './types';
import { remixersOf } from './version';

/** How a whole tracklist writes its lines, when that is known (line-style.ts reads it from the list). */
export interface TrackLineStyle {
  /** "Artist - Title - Label": the last dash-separated part is the label */
  labelAfterDash?: boolean;
  /** "Artist - Title (Label)": a last bracket that is no version, note or featuring is the label */
  labelInParentheses?: boolean;
  /** "Artist-Title": with no spaced dash, the first hyphen between two words splits artist and title */
  tightHyphen?: boolean;
  /** "Ackermann / Jack 2 The Groove - Sound Factory Bar mix": the first " / " splits artist and title */
  slashSeparator?: boolean;
  /** "Title - Artist" */
  titleFirst?: boolean;
  /** "@name" is a SoundCloud/Instagram mention: the name is the artist, the "@" is not */
  mentions?: boolean;
}

/** Ten times the longest of ~31,000 real rows (190 characters): longer is not a tracklist row. */
export const MAX_ROW_CHARS = 2000;

/** " - ", " – ", " — ": the artist/title separator, a space on both sides. */
const SEPARATOR = /\s[-\u2010-\u2015\u2212]\s/;
/** "People -Mountain", "New Signal– Steppenwolf": a dash with a space on one side only. */
const LOOSE_SEPARATOR = /\s[-\u2010-\u2015\u2212](?=\S)|(?<=\S)[-\u2010-\u2015\u2212]\s/;
/** "Miret-Sabio Espejo": a hyphen between two words (only where the list writes rows that way). */
const TIGHT_HYPHEN = /(?<=\S)[-\u2010-\u2015\u2212](?=\S)/;
/** "Ackermann / Pure": a slash with spaces, when the line has no dash at all. */
const SLASH_SEPARATOR = /\s\/\s/;
/** "- Eddie Richards - Someday", "* X - Y", "• X - Y": a list bullet. */
const BULLET = /^[-*•·\u2013\u2014]\s+(?=\S)/;
/** "ID You're So Special If You Just Believe": an unidentified artist, then the title, no dash. */
const ID_THEN_TITLE = /^ID\s+(?=[\p{L}\p{N}'"‘“])/u;
/** "@sailorandi", "(@theoddness Remix)": a mention; the name stays, the "@" goes. */
const MENTION = /(^|[\s(,&/])@(?=[\p{L}\p{N}_])/gu;
/** "UnknownArtist", "Unknown_Artist", "VariousArtists": placeholders written as one word. */
const SQUEEZED_PLACEHOLDER = /^(?:unknown|various)[\s_.-]*artists?$/i;
/** "?", "??? (unknown remix)", "ID", "Unknown", "Unknown Track", "Unreleased": a title nobody identified. */
const UNKNOWN_TITLE = /^(?:\?|(?:id|unknown(?:\s+(?:track|title))?|unreleased)(?:\s*[([]|$))/i;

/** True when a title is a placeholder: empty, starting with "?", or "ID" / "Unknown" / "Unreleased". */
export function isUnknownTitle(title: string | null | undefined): boolean {
  return title == null || title.trim() === '' || UNKNOWN_TITLE.test(title.trim());
}

function emptyRecord(raw: string, warnings: string[]): ParsedTrackLine {
  return {
    raw,
    cue: null,
    cueSeconds: null,
    artist: null,
    title: null,
    version: null,
    remixers: [],
    featured: [],
    primaryArtists: [],
    label: null,
    catalog: null,
    unidentified: true,
    artistValid: false,
    layered: false,
    warnings,
  };
}

function asMatch(pattern: RegExp, text: string, masked: string): TopLevelMatch | null {
  const match = pattern.exec(masked);
  return match
    ? { index: match.index, end: match.index + match[0].length, text: text.slice(match.index, match.index + match[0].length) }
    : null;
}

/**
 * Where artist and title meet. A spaced dash first, except that a dash spaced on one side only that comes
 * before it wins ("Feddde Le Grand -Output - F.L.G Edit"); then, as the list's style allows, a hyphen between
 * words; then a spaced slash; then a one-sided dash. One masking pass.
 */
function findSeparator(text: string, style: TrackLineStyle, warnings: string[]): TopLevelMatch | null {
  const masked = maskBracketed(text);
  if (style.slashSeparator) {
    const first = asMatch(SLASH_SEPARATOR, text, masked);
    if (first) return first;
  }
  const strict = asMatch(SEPARATOR, text, masked);
  const loose = asMatch(LOOSE_SEPARATOR, text, masked);
  if (strict && loose && loose.index < strict.index) {
    warnings.push('artist/title dash without a space on both sides');
    return loose;
  }
  if (strict) return strict;
  // An opening bracket never closed masks the rest of the line: then the plain text is searched too.
  if (!hasBalancedBrackets(text)) {
    const plain = asMatch(SEPARATOR, text, text);
    if (plain) return plain;
  }
  if (style.tightHyphen) {
    const tight = asMatch(TIGHT_HYPHEN, text, masked);
    if (tight) return tight;
  }
  // "? pcp / t-bon castro?": a guess about an unknown track, not "artist / title".
  const slash = text.startsWith('?') ? null : asMatch(SLASH_SEPARATOR, text, masked);
  if (slash) {
    warnings.push('artist and title separated by " / "');
    return slash;
  }
  if (loose) warnings.push('artist/title dash without a space on both sides');
  return loose;
}

interface PieceContext {
  raw: string;
  cue: LeadingCue;
  layered: boolean;
  warnings: string[];
}

function parsePiece(pieceText: string, style: TrackLineStyle, context: PieceContext): ParsedTrackLine {
  const warnings = [...context.warnings];
  const text = (style.mentions ? pieceText.replace(MENTION, '$1') : pieceText).trim();
  const base = {
    ...emptyRecord(context.raw, warnings),
    cue: context.cue.cue,
    cueSeconds: context.cue.cueSeconds,
    layered: context.layered,
  };
  if (text === '') return { ...base, warnings: [...warnings, 'empty row'] };

  const separator = findSeparator(text, style, warnings);
  let artistSide = separator ? text.slice(0, separator.index).trim() : null;
  let titleSide = separator ? text.slice(separator.end).trim() : text;
  if (!separator && ID_THEN_TITLE.test(text)) {
    artistSide = 'ID';
    titleSide = text.replace(ID_THEN_TITLE, '');
  }
  if (style.titleFirst && artistSide !== null) [artistSide, titleSide] = [titleSide, artistSide];
  if (artistSide === null && !isUnknownTitle(titleSide)) warnings.push('no artist/title separator: no artist');
  return { ...base, ...readArtistAndTitle(artistSide, titleSide, style, warnings) };
}

/** The fields of a row read from an artist credit and a title side that are already apart. */
type ArtistAndTitle = Omit<ParsedTrackLine, 'raw' | 'cue' | 'cueSeconds' | 'layered'>;

/**
 * Reads an artist credit and a title side that a source already keeps apart (a CUE sheet's PERFORMER and TITLE,
 * a split line): credit, featuring, primary artists, title, version, label, unidentified. `warnings` is extended.
 */
export function readArtistAndTitle(
  artistSide: string | null,
  titleSide: string,
  options: Pick<TrackLineStyle, 'labelAfterDash' | 'labelInParentheses'> = {},
  warnings: string[] = [],
): ArtistAndTitle {
  const artist = artistSide?.replace(/[\s\-\u2010-\u2015\u2212:]+$/, '').trim() || null;
  const side = parseTitleSide(titleSide, {
    artist,
    labelAfterDash: options.labelAfterDash,
    labelInParentheses: options.labelInParentheses,
  });
  warnings.push(...side.warnings);
  const artistFeaturing = artist === null ? { main: '', featured: [] } : splitFeaturing(artist);
  const artistValid = isValidArtistCredit(artist);
  const placeholder = artist !== null && SQUEEZED_PLACEHOLDER.test(artist);
  if (placeholder) warnings.push(`"${artist}" is a placeholder written as one word`);
  const credited = artistValid && !placeholder;
  return {
    artist,
    title: side.title,
    version: side.version,
    remixers: side.version === null ? [] : uniqueNames(remixersOf(side.version)),
    featured: uniqueNames([...artistFeaturing.featured, ...side.featured]),
    primaryArtists: credited ? splitArtistCredit(artistFeaturing.main).filter((name) => isValidArtistCredit(name)) : [],
    label: side.label,
    catalog: side.catalog,
    unidentified: !credited || isUnknownTitle(side.title),
    artistValid,
    warnings,
  };
}

/** Takes list number, cue (before or after) and bullet off a line: "05. [000] - X - Y 00:38:08" -> "X - Y". */
function takeLineMarks(raw: string, warnings: string[]): { text: string; cue: LeadingCue } {
  let text = readListNumber(raw).rest;
  let cue = takeLeadingCue(text);
  text = cue.rest;
  if (cue.cue !== null) text = readListNumber(text).rest;
  const bullet = BULLET.exec(text);
  if (bullet && (SEPARATOR.test(text.slice(bullet[0].length)) || !/^[-\u2010-\u2015\u2212]/.test(text))) {
    text = text.slice(bullet[0].length);
  }
  if (cue.cue === null) {
    const trailing = takeTrailingCue(text);
    if (trailing.cue !== null) {
      cue = trailing;
      text = trailing.rest;
      if (trailing.note) warnings.push(`note after the cue: "${trailing.note}"`);
    }
  }
  return { text: text.trim(), cue };
}

function readRows(line: string, style: TrackLineStyle): ParsedTrackLine[] {
  const warnings: string[] = [];
  if (line.includes('<!--') && !line.includes('-->')) warnings.push('HTML comment not closed: the rest of the row was dropped');
  const raw = toPlainText(line);
  if (raw.length > MAX_ROW_CHARS) {
    return [emptyRecord(raw, [...warnings, `row longer than ${MAX_ROW_CHARS} characters: kept as written, not read as a track`])];
  }
  const { text, cue } = takeLineMarks(raw, warnings);
  const { pieces, warnings: pieceWarnings } = splitLayeredPieces(text);
  warnings.push(...pieceWarnings);
  return pieces.map((piece, index) => {
    const own = [...warnings];
    if (pieces.length > 1) own.push(`track ${index + 1} of ${pieces.length} on one line`);
    if (piece.layered) own.push('layered: played over the previous row');
    const noCue = { cue: null, cueSeconds: null, rest: '' };
    return parsePiece(piece.text, style, { raw, cue: index === 0 ? cue : noCue, layered: piece.layered, warnings: own });
  });
}

/**
 * Parses one tracklist line into its rows: usually one, several when tracks are layered on one line
 * ("A - X vs. B - Y", "A - X w/ B - Y", "'''+'''"; see layered.ts). Every row keeps the whole line as `raw`.
 * `style` says how the surrounding list writes its lines, when a reader of the whole list knows it.
 * Never throws: an unexpected failure gives one unidentified row with a warning.
 */
export function parseTrackRows(line: string, style: TrackLineStyle = {}): ParsedTrackLine[] {
  const text = typeof line === 'string' ? line : String(line ?? '');
  try {
    return readRows(text, style);
  } catch (error) {
    return [emptyRecord(text, [`row could not be parsed: ${error instanceof Error ? error.message : String(error)}`])];
  }
}

/**
 * Parses one tracklist row: `[cue] Artist feat. X - Title (Version) [Label - Cat]`; the first row of the line
 * when it names several tracks (a warning says so; `parseTrackRows` returns them all).
 * `artist` is the whole credit as written (featuring included, see types.ts); `featured` holds the featured names
 * from the credit, the title and the version; `primaryArtists` only the safe split of the credit without them.
 */
export function parseTrackLine(line: string, style: TrackLineStyle = {}): ParsedTrackLine {
  const rows = parseTrackRows(line, style);
  const [first] = rows;
  if (!first) return emptyRecord(String(line ?? ''), ['row could not be parsed']);
  if (rows.length === 1) return first;
  const others = rows
    .slice(1)
    .map((row) => [row.artist, row.title].filter(Boolean).join(' - '))
    .join('", "');
  return { ...first, warnings: [...first.warnings, `line holds ${rows.length} tracks played together; the others: "${others}"`] };
}
