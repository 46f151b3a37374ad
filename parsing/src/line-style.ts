/**
 * How a whole tracklist writes its lines. One line cannot say whether "Onyr - Shama - Linderluft" ends in a label
 * or a title with a dash, whether "Miret-Sabio Espejo" splits at its hyphen, or whether "Summertime (TZ Remix) -
 * Judy Hipps" puts the title first; the list around it can. Each rule needs several lines agreeing (the counts and
 * shares below), so a single odd line never changes how the others are read. docs/parsing.md, "List style".
 * Linear: each line is looked at once.
 */
import { splitTopLevelUnits, type TopLevelUnit } from './brackets';
import type { TrackLineStyle } from './track-line';
import { isRunningTime } from './label';
import { isNoteText, isOriginalVersion, isVersionText } from './version';

/** A list needs at least this many lines agreeing before a style applies. */
const MIN_AGREEING_LINES = 3;
/** "Artist - Title - Label" lines: at least a quarter of the lines with a dash (Rusko's 2008 Essential Mix: 28 of 66). */
const LABEL_AFTER_DASH_SHARE = 0.25;
/** "Artist - Title (Label)" lines: the same share (Mr. Scruff's 2007 Essential Mix writes nearly every row that way). */
const LABEL_IN_PARENTHESES_SHARE = 0.25;
/** Hyphen-only or slash-only lines: most of the list. */
const MAJORITY = 0.6;

const SPACED_DASH = /\s[-\u2010-\u2015\u2212]\s/;
const LOOSE_DASH = /\s[-\u2010-\u2015\u2212](?=\S)|(?<=\S)[-\u2010-\u2015\u2212]\s/;
const TIGHT_HYPHEN = /[\p{L}\p{N})'’.][-\u2010-\u2015\u2212][\p{L}\p{N}(]/u;
const SLASH = /\s\/\s/;
const MENTION = /(?:^|[\s(,&])@[\p{L}\p{N}_]/u;

/** A remix named on a side of the dash: on the left only in a list that writes "Title (X Remix) - Artist". */
const REMIX_WORD = /\b(?:re-?mix|rmx|re-?edit|edit|re-?work|bootleg|mash-?\s?up|dub)\b/i;

/** A side of the dash, split into its top-level units once for the checks below. */
type Units = readonly TopLevelUnit[];

function hasVersionGroup(units: Units, pattern: { test(text: string): boolean } = { test: isVersionText }): boolean {
  return units.some((unit) => unit.kind === 'group' && pattern.test(unit.inner) && !isOriginalVersion(unit.inner));
}

/** The title side ends in "(X)" where X is no version, note or featuring, and no "[Label]" follows: "Whiplash (Ninja Tune)". */
function endsWithPlainParentheses(units: Units): boolean {
  const last = units.at(-1);
  if (last?.kind !== 'group' || last.opener !== '(' || units.length < 2) return false;
  return (
    !isVersionText(last.inner) &&
    !isOriginalVersion(last.inner) &&
    !isNoteText(last.inner) &&
    !isRunningTime(last.inner) &&
    !/^(?:feat\.?|ft\.?|featuring|w\/?|with)\s/i.test(last.inner)
  );
}

/** The title side ends in " - X" where X is plain text that is no version: "Shama - Linderluft". */
function endsWithDashText(units: Units): boolean {
  const last = units.at(-1);
  return last?.kind === 'text' && units.at(-2)?.kind === 'dash' && units.length > 2 && !isVersionText(last.text);
}

/**
 * Reads the style of a list of row texts (list numbers and cues already taken off). `titleFirst` is decided per
 * part by the caller passing one part's lines.
 */
export function readListStyle(lines: readonly string[]): TrackLineStyle {
  let dashed = 0;
  let labelTail = 0;
  let parenthesisTail = 0;
  let squareTail = 0;
  let tightOnly = 0;
  let slashFirst = 0;
  let versionLeft = 0;
  let versionRight = 0;
  let mentions = false;
  for (const line of lines) {
    if (MENTION.test(line)) mentions = true;
    const dash = SPACED_DASH.exec(line);
    const slash = SLASH.exec(line);
    if (slash && (!dash || slash.index < dash.index)) slashFirst += 1;
    if (!dash) {
      if (!slash && !LOOSE_DASH.test(line) && TIGHT_HYPHEN.test(line)) tightOnly += 1;
      continue;
    }
    dashed += 1;
    const left = line.slice(0, dash.index);
    const right = line.slice(dash.index + dash[0].length);
    const rightUnits = splitTopLevelUnits(right);
    if (endsWithDashText(rightUnits)) labelTail += 1;
    if (endsWithPlainParentheses(rightUnits)) parenthesisTail += 1;
    if (/\]\s*$/.test(right)) squareTail += 1;
    const leftVersion = hasVersionGroup(splitTopLevelUnits(left), REMIX_WORD);
    const rightVersion = hasVersionGroup(rightUnits);
    if (leftVersion && !rightVersion) versionLeft += 1;
    if (rightVersion) versionRight += 1;
  }
  const count = lines.length;
  return {
    labelAfterDash: labelTail >= MIN_AGREEING_LINES && labelTail >= LABEL_AFTER_DASH_SHARE * dashed,
    labelInParentheses:
      parenthesisTail >= MIN_AGREEING_LINES && parenthesisTail >= LABEL_IN_PARENTHESES_SHARE * dashed && parenthesisTail > squareTail,
    tightHyphen: tightOnly >= MIN_AGREEING_LINES && tightOnly >= MAJORITY * count,
    slashSeparator: slashFirst >= MIN_AGREEING_LINES && slashFirst >= MAJORITY * count,
    titleFirst: versionLeft >= 1 && versionRight === 0 && count >= MIN_AGREEING_LINES,
    mentions,
  };
}
