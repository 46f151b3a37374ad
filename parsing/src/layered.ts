/**
 * Layered rows: one tracklist line that names two or more tracks played together ("A - X vs. B - Y",
 * "A - X w/ B - Y", MixesDB's "A - X [L] '''+''' B - Y [L]", "Timo Maas vs. Danny Tenaglia - Der Schieber / Elements").
 * The line becomes one row per track; every row after the first is `layered` (played over the row before it).
 * Rules and real examples: docs/parsing.md, "Layered rows".
 */
import { findAllTopLevel } from './brackets';
import { isVersionText } from './version';

/** One track of a line, as text still to be parsed. */
export interface LinePiece {
  text: string;
  /** played over the previous row ("w/" or "+" before it, or a later track of a mashup line) */
  layered: boolean;
}

/** At most this many tracks are read from one line; a longer chain stays in the last piece, with a warning. */
export const MAX_PIECES_PER_LINE = 8;

/** "w/ Shed - Atmosphere", "+ Jeff Mills - …" ("+plattform" and "+44" are artists, so "+" needs a space). */
const LEADING_LAYER = /^(?:w\/\s*|\+\s+)/i;
/**
 * Joiners between two tracks on one line: " vs ", " vs. ", " w/ ", " + " ('''+''' once the bold markup is gone)
 * and a lower-case " w " ("Jark Prongo - Helios w M People - Moving On Up"; an upper-case "W" is a name: "Kristine W").
 */
const JOINER = /\s(?:[Vv][Ss]\.?|[Ww]\/|\+|w)\s/g;
/** The artist/title dash. */
const SEPARATOR = /\s[-\u2010-\u2015\u2212]\s/g;
/** "+ ID", "w/ ?": an unidentified track played over the row. */
const UNKNOWN_HALF = /^(?:id|\?+|unknown)$/i;
/** "w/ Zhu (Faded)": artist, then the title in brackets. */
const NAME_THEN_TITLE = /^([^()[\]]+?)\s*\(([^()[\]]+)\)$/;
const VS_IN_CREDIT = /\s[Vv][Ss]\.?\s/g;
const SLASH = /\s\/\s/g;

interface Segment {
  start: number;
  end: number;
  hasSeparator: boolean;
}

/**
 * The second half of a "w/" or "+" join that is a track without its own dash: "ID" after either; "Zhu (Faded)"
 * (artist, then the title in brackets) after "w/" only, since after "+" a bracket is more often part of a title
 * ("Lost Recordings #1 - Why? + For Whom? (C1)").
 */
function shortHalf(text: string, joiner: string): string | null {
  const trimmed = text.trim();
  if (UNKNOWN_HALF.test(trimmed)) return trimmed;
  if (!/^w\//i.test(joiner)) return null;
  const named = NAME_THEN_TITLE.exec(trimmed);
  if (named?.[1] !== undefined && named[2] !== undefined && !isVersionText(named[2])) return `${named[1]} - ${named[2]}`;
  return null;
}

/**
 * The segments between top-level joiners, each knowing whether it holds an artist/title dash. One masking pass
 * and one sweep over the sorted separator positions: linear in the text (the old code re-searched both halves at
 * every joiner, quadratic on a line of repeated " vs ").
 */
function segmentsOf(text: string, joiners: ReturnType<typeof findAllTopLevel>): Segment[] {
  const separators = findAllTopLevel(text, SEPARATOR);
  const segments: Segment[] = [];
  let next = 0;
  let start = 0;
  for (const end of [...joiners.map((joiner) => joiner.index), text.length]) {
    while (next < separators.length && (separators[next]?.index ?? Infinity) < start) next += 1;
    const separator = separators[next];
    segments.push({ start, end, hasSeparator: separator !== undefined && separator.end <= end });
    const joiner = joiners[segments.length - 1];
    start = joiner ? joiner.end : text.length;
  }
  return segments;
}

/** "Timo Maas vs. Danny Tenaglia - Der Schieber / Elements": two artists, two titles, one line. */
function splitCompactMashup(text: string): LinePiece[] | null {
  const separator = findAllTopLevel(text, SEPARATOR)[0];
  if (!separator) return null;
  const credit = text.slice(0, separator.index);
  const titles = text.slice(separator.end);
  if (/[([\]{}]/.test(titles)) return null;
  const artists = findAllTopLevel(credit, VS_IN_CREDIT);
  const slashes = findAllTopLevel(titles, SLASH);
  if (artists.length !== 1 || slashes.length !== 1) return null;
  const [vs] = artists;
  const [slash] = slashes;
  if (!vs || !slash) return null;
  return [
    { text: `${credit.slice(0, vs.index).trim()} - ${titles.slice(0, slash.index).trim()}`, layered: false },
    { text: `${credit.slice(vs.end).trim()} - ${titles.slice(slash.end).trim()}`, layered: true },
  ];
}

/**
 * Splits a row's text (cue and list number already taken off) into the tracks it names. A join splits only where
 * the text before it (since the last split) and the text after it are whole "Artist - Title" rows, so
 * "Insync vs Mysteron - Down" (a credit), "Julia Decay - Boy vs Girl" (a title) and "Danny Tenaglia + Celeda - …"
 * stay one track; after "w/" or "+" a second half "ID" or "Zhu (Faded)" counts as a track too.
 */
export function splitLayeredPieces(text: string): { pieces: LinePiece[]; warnings: string[] } {
  const warnings: string[] = [];
  let body = text.trim();
  const leading = LEADING_LAYER.exec(body);
  if (leading) body = body.slice(leading[0].length).trim();
  const joiners = findAllTopLevel(body, JOINER);
  const pieces: LinePiece[] = [];
  if (joiners.length > 0) {
    const segments = segmentsOf(body, joiners);
    let pieceStart = 0;
    let pieceHasSeparator = segments[0]?.hasSeparator ?? false;
    joiners.forEach((joiner, index) => {
      const right = segments[index + 1];
      if (!right) return;
      const rightText = body.slice(right.start, right.end);
      const joinerText = joiner.text.trim();
      const short = /^(?:w\/|\+)$/i.test(joinerText) ? shortHalf(rightText, joinerText) : null;
      const splits = pieceHasSeparator && (right.hasSeparator || short !== null);
      if (splits && pieces.length + 1 < MAX_PIECES_PER_LINE) {
        pieces.push({ text: body.slice(pieceStart, joiner.index).trim(), layered: pieces.length > 0 || leading !== null });
        pieceStart = right.start;
        pieceHasSeparator = right.hasSeparator || short !== null;
        if (short !== null && right.end === body.length) body = `${body.slice(0, right.start)}${short}`;
      } else {
        if (splits) warnings.push(`more than ${MAX_PIECES_PER_LINE} tracks on one line: the rest kept in the last row`);
        pieceHasSeparator = pieceHasSeparator || right.hasSeparator;
      }
    });
    if (pieces.length > 0) {
      pieces.push({ text: body.slice(pieceStart).trim(), layered: true });
      return { pieces, warnings: [...new Set(warnings)] };
    }
  }
  const mashup = splitCompactMashup(body);
  if (mashup) {
    if (leading) mashup[0] = { ...mashup[0], layered: true } as LinePiece;
    return { pieces: mashup, warnings: ['mashup written as "A vs B - X / Y": read as two tracks'] };
  }
  return { pieces: [{ text: body, layered: leading !== null }], warnings };
}
