/**
 * A free-text tracklist inside a whole description (SoundCloud, Mixcloud, YouTube, Internet Archive) or a pasted
 * block -> its rows, as the same ParsedTrackLine records every source gives, or null when there is none.
 * Pure and never throwing. Cost: linear in the text (each line classified once, each row parsed once).
 * Rules and the real descriptions behind them: docs/parsing.md, "Free text".
 */
import { readListStyle } from '../line-style';
import { takeLeadingCue, takeTrailingCue } from '../cue';
import { parseTrackRows, type TrackLineStyle } from '../track-line';
import type { ParsedPart, ParsedTrackLine } from '../types';
import { classifyLine, splitDescriptionLines, type ClassifiedLine } from './classify-lines';

/** A run of rows is a tracklist from this many rows on (two directly under a "Tracklist" heading). */
const MIN_ROWS = 3;
const MIN_ROWS_UNDER_HEADING = 2;
/** Most rows numbered: the list is numbered, and a bare "12 " in front of a row is its number. */
const NUMBERED_SHARE = 0.6;

/** The tracklist found in a text. */
export interface FreeTextTracklist {
  /** the rows' lines as written, tidied the way MixesDB's own importer writes them (see `tidyLine`) */
  lines: string[];
  /** the same lines by part */
  partLines: string[][];
  parts: ParsedPart[];
  /** 0-based source lines of the first and last row */
  firstLine: number;
  lastLine: number;
  /** how the list writes its rows (read from the list as a whole) */
  style: TrackLineStyle;
  warnings: string[];
}

interface RunRow {
  line: ClassifiedLine;
  blankBefore: boolean;
}

interface Run {
  rows: RunRow[];
  /** part headings met before the row with the same index starts */
  headings: Map<number, string>;
  underHeading: boolean;
}

/** Collects the runs of rows: rows with only blank lines, links and part headings between them. */
function findRuns(lines: ClassifiedLine[]): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  let pending: string[] = [];
  let blank = false;
  let underHeading = false;
  const close = () => {
    if (current && current.rows.length > 0) runs.push(current);
    current = null;
    pending = [];
  };
  for (const line of lines) {
    if (line.kind === 'blank') blank = true;
    else if (line.kind === 'link') continue;
    else if (line.kind === 'tracklist-heading') {
      close();
      underHeading = true;
      blank = false;
    } else if (line.kind === 'part-heading') {
      pending.push(line.text.replace(/^;/, '').replace(/:\s*$/, '').trim());
    } else if (line.kind === 'row') {
      const run: Run = current ?? { rows: [], headings: new Map(), underHeading };
      current = run;
      if (pending.length > 0) run.headings.set(run.rows.length, pending.join(' - '));
      pending = [];
      run.rows.push({ line, blankBefore: blank });
      blank = false;
    } else {
      close();
      underHeading = false;
      blank = false;
    }
  }
  close();
  return runs;
}

/** "6 Decks - 2 Mixers" above a list, set apart by a blank line while the list itself has none: not a row. */
function trimIsolatedEdges(run: Run): void {
  const dense = (rows: RunRow[]) => rows.length > 0 && rows.every((row) => !row.blankBefore);
  if (run.rows.length >= 4 && run.rows[1]?.blankBefore && dense(run.rows.slice(2)) && !run.headings.has(1)) {
    run.rows.shift();
    run.headings = new Map([...run.headings].map(([index, name]) => [Math.max(0, index - 1), name]));
  }
  const last = run.rows.at(-1);
  if (run.rows.length >= 4 && last?.blankBefore && dense(run.rows.slice(1, -1)) && !run.headings.has(run.rows.length - 1)) {
    run.rows.pop();
  }
}

/** Re-reads the rows with bare numbers when that makes most of them numbered ("1 Aykut Bilir - Humans …"). */
function readNumbering(run: Run): boolean {
  const share = (rows: RunRow[]) => rows.filter((row) => row.line.number !== null).length / Math.max(1, rows.length);
  if (share(run.rows) >= NUMBERED_SHARE) return true;
  const bare = run.rows.map((row) => ({ ...row, line: classifyLine(row.line.index, row.line.text, true) }));
  const values = bare.map((row) => row.line.number?.value ?? null);
  const inSequence = values.filter((value, index) => value !== null && index > 0 && value === (values[index - 1] ?? -2) + 1).length;
  if (share(bare) >= NUMBERED_SHARE && inSequence >= 0.5 * values.length) {
    run.rows = bare;
    return true;
  }
  return false;
}

/** In a numbered list: unnumbered rows at the ends go, one right before a restart at 0/1 names the next part. */
function shapeNumberedRun(run: Run): void {
  while (run.rows.length > 0 && run.rows[0]?.line.number === null && !run.headings.has(1)) run.rows.shift();
  while (run.rows.length > 0 && run.rows.at(-1)?.line.number === null) run.rows.pop();
  const rows: RunRow[] = [];
  const headings = new Map<number, string>();
  run.rows.forEach((row, index) => {
    const heading = run.headings.get(index);
    if (heading !== undefined) headings.set(rows.length, heading);
    const next = run.rows[index + 1];
    const previous = run.rows[index - 1];
    const restartsAfter = next?.line.number !== undefined && next.line.number !== null && next.line.number.value <= 1;
    if (row.line.number === null && previous?.line.number != null && restartsAfter) {
      headings.set(rows.length, row.line.text.replace(/:\s*$/, ''));
      return;
    }
    rows.push(row);
  });
  run.rows = rows;
  run.headings = headings;
}

/** The row text to parse: list number, bullet and leading cue stay out; the cue is read by the line parser. */
function rowText(row: RunRow): string {
  return row.line.body;
}

/** The row's body without cues, for reading the list's style. */
function content(row: RunRow): string {
  const leading = takeLeadingCue(row.line.body).rest;
  return takeTrailingCue(leading).rest;
}

/**
 * The row as MixesDB's importer writes it: list number in the list's usual form ("12 - X" in a list of "1 X"
 * becomes "12 X"), a cue written at the end moved to the front ("1. Dusky - Bindweed 00:00:40" ->
 * "1. [00:00:40] Dusky - Bindweed", a note after it in bold as MixesDB does: "12. [00:56:00] '''CLASSIC OF THE
 * WEEK:''' Dennis …"), the bullet dropped, the artist/title separator written " - ".
 */
function tidyLine(row: RunRow, numberForm: string | null, style: TrackLineStyle): string {
  const { number, body } = row.line;
  const prefix = number !== null ? `${number.text}${numberForm ?? number.form}` : '';
  const trailing = takeLeadingCue(body).cue === null ? takeTrailingCue(body) : null;
  const note = trailing?.note ? `'''${trailing.note}:''' ` : '';
  let text = trailing?.cue ? `[${trailing.cue}] ${note}${trailing.rest}` : body;
  if (style.slashSeparator) text = text.replace(/\s\/\s/, ' - ');
  else if (style.tightHyphen && !/\s[-\u2010-\u2015\u2212]\s/.test(text)) {
    text = text.replace(/([\p{L}\p{N})'’.])[-\u2010-\u2015\u2212]([\p{L}\p{N}(])/u, '$1 - $2');
  }
  return `${prefix}${text.replace(/\s[\u2010-\u2015\u2212]\s/g, ' - ')}`.trim();
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/**
 * Labels the list writes bare after the version ("(Original Mix) HMWL") are labels at the end of its other titles
 * too ("Wassu & Haums - Blue Meadow HMWL"), once at least three rows agree.
 */
function applyKnownLabels(rows: ParsedTrackLine[]): void {
  const bare = rows.filter((row) => row.label !== null && row.warnings.includes('label written after the version without brackets'));
  if (bare.length < 3) return;
  const labels = new Set(bare.map((row) => row.label as string));
  for (const row of rows) {
    if (row.label !== null || row.title === null) continue;
    // Look up the title's last one to four words: constant work per row, however many labels the list has.
    const words = row.title.split(' ');
    for (let count = Math.min(4, words.length - 1); count >= 1; count -= 1) {
      const label = words.slice(-count).join(' ');
      if (labels.has(label)) {
        row.title = words.slice(0, -count).join(' ');
        row.label = label;
        row.warnings.push(`label "${label}" known from the list's other rows`);
        break;
      }
    }
  }
}

/** Words of a phrase: a bracket holding one ("(Set Me Free)", "(Don’t Let Go)") is part of the title. */
const PHRASE_WORD =
  /^(?:i|me|my|you|your|we|us|our|it|its|he|she|him|her|they|them|the|a|an|of|to|in|on|for|with|by|at|from|is|are|be|let|go|get|got|don['’]?t|can['’]?t|won['’]?t|i['’]?m|you['’]?re|up|down|out|all|no|not|so|oh|yeah|baby|love)$/i;
const TRAILING_GROUP = /^(.*\S)\s\(([^()]{1,60})\)$/;

function bracketedName(title: string | null): { title: string; name: string } | null {
  const match = title === null ? null : TRAILING_GROUP.exec(title);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  const words = match[2].trim().split(/\s+/);
  if (words.length > 4 || words.some((word) => PHRASE_WORD.test(word.replace(/[^\p{L}'’]/gu, ''))) || /^\d+$/.test(match[2].trim()))
    return null;
  return { title: match[1], name: match[2].trim() };
}

/**
 * In a list that names its versions in brackets ("(Kerri Chandler Deep Mix)", "(Mula remix)"), a bracket after a
 * title that holds a name rather than a phrase names the version too: "I Get Lifted (Duck Beats)", "Grass Cutter
 * (Kaoz Afro Drum)", "Bursting Light (Sublee)". It takes three versions in brackets, and twice as many as such
 * names, before the list is read that way.
 */
function applyBracketedMixNames(rows: ParsedTrackLine[]): void {
  const versions = rows.filter((row) => row.version !== null).length;
  const candidates = rows.filter((row) => row.version === null && bracketedName(row.title) !== null);
  if (versions < 3 || versions < 2 * candidates.length) return;
  for (const row of candidates) {
    const found = bracketedName(row.title);
    if (!found) continue;
    row.title = found.title;
    row.version = found.name;
    row.warnings.push(`"(${found.name})" read as the version: the list names its versions in brackets`);
  }
}

function buildTracklist(run: Run, numbered: boolean): FreeTextTracklist {
  const numberForm = numbered ? mostCommon(run.rows.flatMap((row) => (row.line.number ? [row.line.number.form] : []))) : null;
  const sections: Array<{ name: string | null; rows: RunRow[] }> = [];
  run.rows.forEach((row, index) => {
    const heading = run.headings.get(index);
    if (sections.length === 0 || heading !== undefined) sections.push({ name: heading ?? null, rows: [] });
    sections.at(-1)?.rows.push(row);
  });
  const listStyle = readListStyle(run.rows.map(content));
  const parts: ParsedPart[] = [];
  const partLines: string[][] = [];
  for (const section of sections) {
    const style: TrackLineStyle = { ...listStyle, titleFirst: readListStyle(section.rows.map(content)).titleFirst };
    const rows = section.rows.flatMap((row) => parseTrackRows(rowText(row), style).map((parsed) => ({ ...parsed, raw: row.line.text })));
    parts.push({ index: parts.length, name: section.name, rows });
    partLines.push(section.rows.map((row) => tidyLine(row, numberForm, listStyle)));
  }
  applyKnownLabels(parts.flatMap((part) => part.rows));
  applyBracketedMixNames(parts.flatMap((part) => part.rows));
  const warnings: string[] = [];
  if (sections.some((section) => readListStyle(section.rows.map(content)).titleFirst)) {
    warnings.push('a part writes "Title - Artist" (a remix named left of the dash, none right of it): read that way');
  }
  return {
    lines: partLines.flat(),
    partLines,
    parts,
    firstLine: run.rows[0]?.line.index ?? 0,
    lastLine: run.rows.at(-1)?.line.index ?? 0,
    style: listStyle,
    warnings,
  };
}

/**
 * Finds the tracklist in a description: the longest run of rows (numbered "1.", "01 -", "1)", "#1", or with a dash
 * or cue) with only blank lines, links and part headings ("CD1", "Part 2", "First Hour - X:") between them,
 * preferring a run right under a "Tracklist" heading. Prose, URLs and hashtags end nothing and count for nothing.
 * Returns null when no run has at least three rows (two under a heading): no tracklist is invented.
 */
export function readFreeTextTracklist(text: string): FreeTextTracklist | null {
  if (typeof text !== 'string') return null;
  const lines = splitDescriptionLines(text).map((line) => classifyLine(line.index, line.text));
  let best: { run: Run; numbered: boolean; score: number } | null = null;
  for (const run of findRuns(lines)) {
    trimIsolatedEdges(run);
    const numbered = readNumbering(run);
    if (numbered) shapeNumberedRun(run);
    const minimum = run.underHeading ? MIN_ROWS_UNDER_HEADING : MIN_ROWS;
    if (run.rows.length < minimum) continue;
    const score = run.rows.length + (run.underHeading ? 0.5 : 0);
    if (best === null || score > best.score) best = { run, numbered, score };
  }
  return best === null ? null : buildTracklist(best.run, best.numbered);
}
