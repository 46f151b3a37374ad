/**
 * The title side of a row ("Strobe (Dubfire Remix) [Ostgut Ton - O-TON 1]") taken apart into title, version,
 * featured artists, label and catalogue. The side is split once into top-level units (text, bracket groups, spaced
 * dashes) and read from the right, each unit looked at once: linear in the text. Rules: docs/parsing.md, "Title side".
 */
import { joinTopLevelUnits, splitTopLevelUnits, type TopLevelUnit } from './brackets';
import { splitArtistCredit, splitFeaturing } from './artist-credit';
import { isRunningTime, readsAsLabel, splitLabelText } from './label';
import { isJoinedCredit, isNoteText, isOriginalVersion, isVersionText } from './version';

const FEATURING_GROUP = /^(?:feat\.?|ft\.?|featuring)\s+/i;
/** "(w Mücha)", "(w/ Zhu)", "(with Arnold Jarvis)": a guest, like "feat." */
const WITH_GROUP = /^(?:w\/|w|with)\s+(?=\S)/i;
/** "(Part 2)", "(Vol. 3)": part of a title even after a version. */
const PART_OF_TITLE = /^(?:pt\.?|part|vol\.?|volume|chapter|no\.?)\s*\d/i;
/** "Screamer VIP", "Back Like That Bootleg": a version word written after the title without brackets. */
const BARE_TRAILING_VERSION = /^(.*\S)\s+(VIP|Bootleg)$/i;
/** "In The VIP", "Back In My Bootleg": the word before belongs with it, so it is part of the title. */
const TITLE_WORD_BEFORE_VERSION = /(?:^|\s)(?:the|a|an|my|your|our|his|her|in|of|to|on|at|for|from|with|no)$/i;
/** "?" written after the brackets, or inside one ("ID Remix ?"): the writer was not sure. */
const UNCERTAIN = /\s*\?+$/;
const STRAY_CLOSERS = /[)\]}]+$/;

export interface TitleSide {
  title: string | null;
  version: string | null;
  featured: string[];
  label: string | null;
  catalog: string | null;
  warnings: string[];
}

export interface TitleSideOptions {
  /** the row's artist credit: a last " - X" equal to it is the artist's own label ("Sound Stream - Love Jam - Sound Stream") */
  artist?: string | null;
  /** the tracklist writes "Artist - Title - Label" (decided from the whole list, see line-style.ts) */
  labelAfterDash?: boolean;
  /** the tracklist writes "Artist - Title (Label)" (decided from the whole list, see line-style.ts) */
  labelInParentheses?: boolean;
}

interface Reading {
  versions: string[];
  featured: string[];
  label: string | null;
  catalog: string | null;
  warnings: string[];
  /** something other than notes was read to the right of the unit being looked at */
  settled: boolean;
}

function groupText(unit: TopLevelUnit): string {
  return unit.kind === 'group' ? unit.inner.replace(UNCERTAIN, '') : unit.kind === 'text' ? unit.text : '';
}

/** A version, "(Original Mix)" or a version written after a dash: what a bare label or "(Label)" may follow. */
function isVersionUnit(units: readonly TopLevelUnit[], index: number): boolean {
  const unit = units[index];
  if (unit?.kind === 'group') return unit.opener !== '[' && (isVersionText(groupText(unit)) || isOriginalVersion(groupText(unit)));
  return unit?.kind === 'text' && units[index - 1]?.kind === 'dash' && isVersionText(unit.text);
}

function setLabel(reading: Reading, text: string, warning: string | null): void {
  const { label, catalog } = splitLabelText(text);
  reading.label = label;
  reading.catalog = catalog;
  if (warning) reading.warnings.push(warning);
}

/** Reads one bracket group at the end; false when it belongs to the title (and reading stops there). */
function readGroup(units: readonly TopLevelUnit[], index: number, reading: Reading, options: TitleSideOptions): boolean {
  const unit = units[index];
  if (unit?.kind !== 'group') return false;
  const inner = groupText(unit);
  if (inner !== unit.inner) reading.warnings.push(`uncertain: "${unit.inner}"`);
  const featuring = FEATURING_GROUP.exec(inner) ?? WITH_GROUP.exec(inner);
  if (isRunningTime(inner) && unit.opener !== '{') {
    reading.warnings.push(`running time [${inner}] ignored`);
  } else if (featuring) {
    reading.featured.unshift(...splitArtistCredit(inner.slice(featuring[0].length)));
  } else if (isNoteText(inner)) {
    reading.warnings.push(`note "${inner}" is not part of the title`);
  } else if (unit.opener === '[' && reading.label === null && !reading.settled) {
    setLabel(reading, inner, unit.closed ? null : 'label bracket not closed');
  } else if (isOriginalVersion(inner)) {
    reading.settled = true;
  } else if (isVersionText(inner)) {
    reading.versions.unshift(inner);
    if (!unit.closed) reading.warnings.push('version bracket not closed');
    reading.settled = true;
  } else if (unit.opener === '(' && !reading.settled && isJoinedCredit(inner) && !readsAsLabel(inner)) {
    reading.versions.unshift(inner);
    reading.warnings.push(`"(${inner})" read as the version: two names credited in brackets`);
    reading.settled = true;
  } else if (unit.opener === '[' && reading.label === null) {
    setLabel(reading, inner, null);
  } else if (unit.opener === '(' && reading.label === null && !reading.settled && /\s[-\u2010-\u2015\u2212]\s/.test(inner)) {
    setLabel(reading, inner, 'label written in parentheses');
  } else if (
    reading.label === null &&
    !reading.settled &&
    !PART_OF_TITLE.test(inner) &&
    (isVersionUnit(units, index - 1) || units[index - 1]?.kind === 'dash' || options.labelInParentheses)
  ) {
    // "(Diplo Remix) (Ed Banger)", "Night Falls - (Get Physical)": a name after the title is done is its label.
    setLabel(reading, inner, 'label written in parentheses after the title');
  } else {
    return false;
  }
  return true;
}

/** Reads "… (Version) Label" or "… - X" at the end; returns how many units it used (0: they belong to the title). */
function readText(units: readonly TopLevelUnit[], index: number, reading: Reading, options: TitleSideOptions): number {
  const unit = units[index];
  const left = units[index - 1];
  if (unit?.kind !== 'text' || left === undefined) return 0;
  const text = unit.text.replace(STRAY_CLOSERS, '').trim();
  if (left.kind === 'group') {
    if (!isVersionUnit(units, index - 1)) return 0;
    if (isVersionText(text)) reading.versions.unshift(text);
    else if (reading.label === null && !reading.settled) setLabel(reading, text, 'label written after the version without brackets');
    else return 0;
    return 1;
  }
  if (left.kind !== 'dash' || index < 2) return 0;
  if (isOriginalVersion(text)) return 2;
  if (isNoteText(text)) {
    reading.warnings.push(`note "${text}" is not part of the title`);
    return 2;
  }
  if (isVersionText(text) && !reading.settled) {
    reading.versions.unshift(text);
    reading.warnings.push('version written after a dash');
    reading.settled = true;
    return 2;
  }
  const ownLabel = options.artist != null && text.toLowerCase() === options.artist.trim().toLowerCase();
  if (
    reading.label === null &&
    !reading.settled &&
    (ownLabel || options.labelAfterDash || isVersionUnit(units, index - 2) || readsAsLabel(text))
  ) {
    setLabel(reading, text, 'label written after a dash');
    return 2;
  }
  return 0;
}

/**
 * Parses the title side of a row. From the right: a running time `[4:42]` and notes ("(unreleased)",
 * "(prod. by X)") are dropped; the last `[...]` is the label; versions in brackets are collected in order;
 * `(Original Mix)` means no version; `(feat. X)` / `(w X)` give featured names; after a version, bare text or a
 * `(...)` group is the label ("(Original Mix) Mousike Records", "(Diplo Remix) (Ed Banger)"); a last " - X" is a
 * version when X reads as one, the label when it follows a version, equals the artist, reads as a label, or the
 * list writes labels there (`options.labelAfterDash`). Anything else stays in the title. "Screamer VIP" gives
 * version "VIP". Several versions are joined with ", ".
 */
export function parseTitleSide(titleSide: string, options: TitleSideOptions = {}): TitleSide {
  const reading: Reading = { versions: [], featured: [], label: null, catalog: null, warnings: [], settled: false };
  let text = titleSide.trim();
  if (/[)\]]\s*\?+$/.test(text)) {
    text = text.replace(UNCERTAIN, '');
    reading.warnings.push('uncertain: "?" after the row');
  }
  const units = splitTopLevelUnits(text);
  const last = units.at(-1);
  // "(DVS1 Forever Mix [Rekids - 073]": a bracket never closed still ends with its own label bracket.
  if (last?.kind === 'group' && !last.closed && last.opener === '(') {
    const inner = splitTopLevelUnits(last.inner);
    const innerLast = inner.at(-1);
    if (innerLast?.kind === 'group' && innerLast.opener === '[') {
      setLabel(reading, innerLast.inner, null);
      reading.settled = true;
      const innerOffset = text.indexOf(last.inner, last.start);
      units[units.length - 1] = { ...last, inner: joinTopLevelUnits(inner.slice(0, -1), last.inner), end: innerOffset + innerLast.start };
    }
  }
  // Groups that belong to the title ("(Thinking About You)") are kept in order while reading goes on to their left.
  const kept: TopLevelUnit[] = [];
  let end = units.length;
  // Down to the first unit: a title side that is only "(Acapella)" or "[Label]" has no title.
  while (end > 0) {
    const unit = units[end - 1];
    if (unit?.kind === 'dash') end -= 1;
    else if (unit?.kind === 'group') {
      if (!readGroup(units, end - 1, reading, options)) kept.unshift(unit);
      end -= 1;
    } else {
      const used = readText(units, end - 1, reading, options);
      if (used === 0) break;
      end -= used;
    }
  }
  return finish([...units.slice(0, end), ...kept], text, reading);
}

function finish(titleUnits: TopLevelUnit[], source: string, reading: Reading): TitleSide {
  const titleFeaturing = splitFeaturing(joinTopLevelUnits(titleUnits, source));
  let title = titleFeaturing.main;
  const bare = reading.versions.length === 0 ? BARE_TRAILING_VERSION.exec(title) : null;
  if (bare?.[1] !== undefined && bare[2] !== undefined && !TITLE_WORD_BEFORE_VERSION.test(bare[1])) {
    title = bare[1];
    reading.versions.unshift(bare[2]);
  }
  const versionParts = reading.versions.map((version) => splitFeaturing(version));
  const seen = new Set<string>();
  const versions = versionParts
    .map((part) => part.main)
    .filter((part) => {
      const key = part.toLowerCase();
      if (part === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return {
    title: title === '' ? null : title,
    version: versions.length === 0 ? null : versions.join(', '),
    featured: [...reading.featured, ...titleFeaturing.featured, ...versionParts.flatMap((part) => part.featured)],
    label: reading.label,
    catalog: reading.catalog,
    warnings: reading.warnings,
  };
}
