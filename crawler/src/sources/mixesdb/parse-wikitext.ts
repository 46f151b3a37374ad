/**
 * MixesDB page wikitext (`/w/index.php?title=…&action=raw`) -> ParsedSetlist. Pure; bad input never throws,
 * it gives status 'error' with the reason. Rules: docs/parsing.md, "MixesDB pages".
 * Cost: linear in the page (lines are split once, headings read without backtracking patterns, each row parsed
 * once by the linear line parser).
 */
import { readListStyle } from '@songnodes/parsing';
import { toPlainText } from '@songnodes/parsing';
import { parseTrackRows, type TrackLineStyle } from '@songnodes/parsing';
import type { ParsedPart, ParsedSetlist, ParsedTrackLine } from '@songnodes/parsing';
import { parseMixesdbTitle } from '@songnodes/parsing';

export interface MixesdbPage {
  /** the page URL the wikitext came from */
  sourceUrl: string;
  /** the MediaWiki page title ("2017-12-08 - DVS1 - fabric 96"); also the setlist's sourceId */
  pageTitle: string;
}

const TRACKLIST_HEADING = /^tracklist$/i;
/** A heading longer than this is not a heading (and reading it costs nothing). */
const MAX_HEADING_CHARS = 300;
/** Control characters never occur in wikitext; their presence means a binary or corrupted body. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000e-\u001f]/;
/** A stray U+FFFD can be a real page's encoding slip; several mean the body was not UTF-8 text at all. */
const MAX_REPLACEMENT_CHARACTERS = 2;

type SectionResult = { lines: string[]; firstLine: number } | { status: 'empty' | 'error'; reason: string };

/** "== Tracklist ==" -> { level: 2, name: "Tracklist" }; null when the line is no heading. No regex backtracking. */
function readHeading(line: string): { level: number; name: string } | null {
  const text = line.trim();
  if (text.length > MAX_HEADING_CHARS || !text.startsWith('=') || !text.endsWith('=')) return null;
  let open = 0;
  while (open < 6 && text[open] === '=') open += 1;
  let close = 0;
  while (close < 6 && text[text.length - 1 - close] === '=') close += 1;
  const level = Math.min(open, close);
  if (text.length <= level * 2) return null;
  return {
    level,
    name: text
      .slice(level, text.length - level)
      .replace(/^=+|=+$/g, '')
      .trim(),
  };
}

function countOf(text: string, token: string): number {
  return text.split(token).length - 1;
}

/** Reasons a page is unusable as a whole: not text, or cut off inside a comment or a template. */
function pageProblem(wikitext: unknown): string | null {
  if (typeof wikitext !== 'string') return `page body is not text (${typeof wikitext})`;
  if (CONTROL_CHARACTER.test(wikitext) || countOf(wikitext, '\ufffd') > MAX_REPLACEMENT_CHARACTERS) {
    return 'page body contains binary or control characters';
  }
  if (countOf(wikitext, '<!--') > countOf(wikitext, '-->')) return 'HTML comment never closed: page looks truncated';
  if (countOf(wikitext, '{{') > countOf(wikitext, '}}')) return 'template never closed: page looks truncated';
  return null;
}

/** The lines of the `== Tracklist ==` section, up to the next heading of the same or a higher level. */
function findTracklistSection(wikitext: string): SectionResult {
  const lines = wikitext.split(/\r\n|\r|\n/);
  const start = lines.findIndex((line) => TRACKLIST_HEADING.test(readHeading(line)?.name ?? ''));
  if (start < 0) return { status: 'empty', reason: 'no "== Tracklist ==" section' };
  const level = readHeading(lines[start] ?? '')?.level ?? 2;
  const section: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const heading = readHeading(line);
    if (heading !== null && heading.level <= level) break;
    section.push(line);
  }
  return { lines: section, firstLine: start + 2 };
}

function isRowLine(line: string): boolean {
  return line.startsWith('#') && !/^#[:*#;]/.test(line);
}

/**
 * The page's label habits: "Artist - Title - Label" (Rusko's 2008 Essential Mix writes 28 of 66 rows that way) or
 * "Artist - Title (Label)" (Mr. Scruff's 2007 Essential Mix: nearly every row). MixesDB writes "Artist - Title", so
 * the other styles of free text are not looked for.
 */
function pageStyle(lines: readonly string[]): TrackLineStyle {
  const rows = lines
    .map((line) => line.trimStart())
    .filter(isRowLine)
    .map((line) => toPlainText(line.slice(1)));
  const { labelAfterDash, labelInParentheses } = readListStyle(rows);
  return { labelAfterDash, labelInParentheses };
}

/**
 * Tracklist lines -> parts. `;Name` and lower-level headings start a part; `#` lines are rows (an empty `#` is
 * an empty, unidentified row, so positions match the page); `#:` / `#*` / `##` lines are comments on the row
 * above and are skipped, as is any other line (`<div>`, prose).
 */
function readParts(lines: string[], warnings: string[], onRow?: (index: number, rows: ParsedTrackLine[]) => void): ParsedPart[] {
  const style = pageStyle(lines);
  const parts: ParsedPart[] = [];
  let current: ParsedPart = { index: 0, name: null, rows: [] };
  const startPart = (name: string) => {
    if (current.rows.length > 0) parts.push(current);
    else if (current.name !== null) warnings.push(`part "${current.name}" has no rows`);
    current = { index: parts.length, name: toPlainText(name) || null, rows: [] };
  };
  lines.forEach((rawLine, index) => {
    const line = rawLine.trimStart();
    const heading = readHeading(line);
    if (line.startsWith(';')) startPart(line.slice(1));
    else if (heading !== null) startPart(heading.name);
    else if (isRowLine(line)) {
      const rows = parseMixesdbRow(line, style);
      current.rows.push(...rows);
      onRow?.(index, rows);
    }
  });
  if (current.rows.length > 0) parts.push(current);
  else if (current.name !== null) warnings.push(`part "${current.name}" has no rows`);
  return parts;
}

/**
 * One `#` line of a MixesDB tracklist -> its rows (two or more when tracks are layered on the line:
 * "A - X [L]  B - Y [L]"). An empty `#` is one empty, unidentified row.
 */
export function parseMixesdbRow(line: string, style: TrackLineStyle = {}): ParsedTrackLine[] {
  return parseTrackRows(line.trimStart().replace(/^#/, ''), style);
}

/**
 * The rows of a page's tracklist by the 1-based page line they come from (the labelled set checks rows this way).
 * Empty when the page has no readable tracklist.
 */
export function readMixesdbRowsByLine(wikitext: string): Map<number, ParsedTrackLine[]> {
  const byLine = new Map<number, ParsedTrackLine[]>();
  try {
    if (pageProblem(wikitext) !== null) return byLine;
    const section = findTracklistSection(wikitext);
    if ('lines' in section) readParts(section.lines, [], (index, rows) => byLine.set(section.firstLine + index, rows));
  } catch {
    byLine.clear();
  }
  return byLine;
}

/**
 * Parses one MixesDB page. Status 'ok' only with at least one row; 'empty' when the page has no tracklist
 * section or the section has no rows; 'error' for a body that is not wikitext or is cut off.
 */
export function parseMixesdbWikitext(wikitext: string, page: MixesdbPage): ParsedSetlist {
  const titled = parseMixesdbTitle(page.pageTitle);
  const setlist: ParsedSetlist = {
    source: 'mixesdb',
    sourceUrl: page.sourceUrl,
    sourceId: page.pageTitle,
    title: page.pageTitle,
    ...titled,
    status: 'ok',
    statusReason: null,
    parts: [],
    warnings: [],
  };
  try {
    const problem = pageProblem(wikitext);
    if (problem !== null) return { ...setlist, status: 'error', statusReason: problem };
    const section = findTracklistSection(wikitext);
    if (!('lines' in section)) return { ...setlist, status: section.status, statusReason: section.reason };
    const parts = readParts(section.lines, setlist.warnings);
    if (parts.length === 0) return { ...setlist, status: 'empty', statusReason: 'tracklist section has no rows' };
    return { ...setlist, parts };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...setlist, status: 'error', statusReason: `unexpected parser failure: ${message}` };
  }
}
