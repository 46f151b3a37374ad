/**
 * parseTrackLine: one tracklist row of free text -> ParsedTrackLine. Shared by every free-text source.
 * It strips MediaWiki/HTML markup itself, so callers may pass a row as found (docs/parsing.md).
 */
import { isValidArtistCredit } from '@songnodes/contracts';
import { findAllTopLevel, findTopLevel, hasBalancedBrackets, type TopLevelMatch } from './brackets';
import { splitArtistCredit, splitFeaturing, uniqueNames } from './artist-credit';
import { takeLeadingCue } from './cue';
import { toPlainText } from './text';
import { parseTitleSide } from './title-side';
import type { ParsedTrackLine } from './types';
import { remixersOf } from './version';

/** " - ", " – ", " — ": the artist/title separator, spaces on both sides. */
const SEPARATOR = /\s+[-\u2010-\u2015\u2212]\s+/;
/** "People -Mountain", "New Signal– Steppenwolf": a dash with a space on one side only (used as a fallback). */
const LOOSE_SEPARATOR = /\s+[-\u2010-\u2015\u2212](?=\S)|(?<=\S)[-\u2010-\u2015\u2212]\s+/;
/** The joiner between two whole "Artist - Title" halves of a mashup row. */
const BLEND_JOINER = /\s+(?:vs\.?|w\/)\s+/gi;
/** "w/ Artist - Title" or "+ Artist - Title": the row is layered over the previous one ("+44" is a band, so "+" needs a space). */
const LEADING_BLEND = /^(?:w\/\s*|\+\s+)/i;
/** "?", "??? (unknown remix)", "ID", "Unknown", "Unknown Track": a title nobody identified. */
const UNKNOWN_TITLE = /^(?:\?|(?:id|unknown(?:\s+(?:track|title))?)(?:\s*[([]|$))/i;

/** True when a title is a placeholder: empty, starting with "?", or "ID" / "Unknown" (optionally with a version). */
export function isUnknownTitle(title: string | null | undefined): boolean {
  return title == null || title.trim() === '' || UNKNOWN_TITLE.test(title.trim());
}

function findSeparator(text: string): { match: TopLevelMatch; loose: boolean } | null {
  const strict = findTopLevel(text, SEPARATOR) ?? (hasBalancedBrackets(text) ? null : findInPlainText(text, SEPARATOR));
  if (strict) return { match: strict, loose: false };
  const loose = findTopLevel(text, LOOSE_SEPARATOR);
  return loose ? { match: loose, loose: true } : null;
}

/** Without bracket masking: an unclosed "(" at the start would otherwise hide the separator. */
function findInPlainText(text: string, pattern: RegExp): TopLevelMatch | null {
  const match = pattern.exec(text);
  return match ? { index: match.index, end: match.index + match[0].length, text: match[0] } : null;
}

/** "A - X vs. B - Y": both halves are whole rows. "Insync vs Mysteron - Down" is not (its left half has no title). */
function findBlendHalves(text: string): { first: string; second: string } | null {
  for (const joiner of findAllTopLevel(text, BLEND_JOINER)) {
    const first = text.slice(0, joiner.index).trim();
    const second = text.slice(joiner.end).trim();
    if (findTopLevel(first, SEPARATOR) && findTopLevel(second, SEPARATOR)) return { first, second };
  }
  return null;
}

function emptyRecord(raw: string, warnings: string[]): ParsedTrackLine {
  return {
    raw, cue: null, cueSeconds: null, artist: null, title: null, version: null, remixers: [], featured: [],
    primaryArtists: [], label: null, catalog: null, unidentified: true, artistValid: false, layered: false, warnings,
  };
}

function parse(line: string): ParsedTrackLine {
  const warnings: string[] = [];
  if (line.includes('<!--') && !line.includes('-->')) warnings.push('HTML comment not closed: the rest of the row was dropped');
  const raw = toPlainText(line);
  const { cue, cueSeconds, rest } = takeLeadingCue(raw);
  let text = rest.trim();
  let blend = false;
  const leading = LEADING_BLEND.exec(text);
  if (leading) {
    blend = true;
    text = text.slice(leading[0].length).trim();
    warnings.push('blend: layered over the previous row ("w/" or "+" at the start)');
  }
  const halves = findBlendHalves(text);
  if (halves) {
    blend = true;
    text = halves.first;
    warnings.push(`blend of two tracks: kept the first, dropped "${halves.second}"`);
  }
  if (text === '') return { ...emptyRecord(raw, [...warnings, 'empty row']), cue, cueSeconds, layered: blend };

  const separator = findSeparator(text);
  if (separator?.loose) warnings.push('artist/title dash without a space on both sides');
  if (!separator && !isUnknownTitle(text)) warnings.push('no artist/title separator: no artist');
  if (!hasBalancedBrackets(text)) warnings.push('brackets not balanced');
  const artist = separator ? text.slice(0, separator.match.index).trim() || null : null;
  const titleSide = parseTitleSide(separator ? text.slice(separator.match.end).trim() : text);
  warnings.push(...titleSide.warnings);

  const artistFeaturing = artist === null ? { main: '', featured: [] } : splitFeaturing(artist);
  const artistValid = isValidArtistCredit(artist);
  const version = titleSide.version;
  return {
    raw, cue, cueSeconds, artist,
    title: titleSide.title,
    version,
    remixers: version === null ? [] : uniqueNames(remixersOf(version)),
    featured: uniqueNames([...artistFeaturing.featured, ...titleSide.featured]),
    primaryArtists: artistValid ? splitArtistCredit(artistFeaturing.main).filter((name) => isValidArtistCredit(name)) : [],
    label: titleSide.label,
    catalog: titleSide.catalog,
    unidentified: !artistValid || isUnknownTitle(titleSide.title),
    artistValid,
    layered: blend,
    warnings,
  };
}

/**
 * Parses one tracklist row: `[cue] Artist feat. X - Title (Version) [Label - Cat]`.
 * `artist` is the whole credit as written (featuring included, see types.ts); `featured` holds the featured names
 * from the credit, the title and the version; `primaryArtists` only the safe split of the credit without them.
 * Never throws: an unexpected failure gives an unidentified row with a warning.
 */
export function parseTrackLine(line: string): ParsedTrackLine {
  const text = typeof line === 'string' ? line : String(line ?? '');
  try {
    return parse(text);
  } catch (error) {
    return emptyRecord(text, [`row could not be parsed: ${error instanceof Error ? error.message : String(error)}`]);
  }
}
