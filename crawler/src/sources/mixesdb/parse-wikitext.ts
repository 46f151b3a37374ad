/**
 * MixesDB page wikitext (`/w/index.php?title=…&action=raw`) -> ParsedSetlist. Pure; bad input never throws,
 * it gives status 'error' with the reason. Rules: docs/parsing.md, "MixesDB pages".
 */
import { toPlainText } from '../../parse/text';
import { parseTrackLine } from '../../parse/track-line';
import type { ParsedPart, ParsedSetlist } from '../../parse/types';
import { parseMixesdbTitle } from './parse-title';

export interface MixesdbPage {
  /** the page URL the wikitext came from */
  sourceUrl: string;
  /** the MediaWiki page title ("2017-12-08 - DVS1 - fabric 96"); also the setlist's sourceId */
  pageTitle: string;
}

const HEADING = /^(={1,6})\s*(.*?)\s*\1\s*$/;
const TRACKLIST_HEADING = /^tracklist$/i;
/** Control characters never occur in wikitext; their presence means a binary or corrupted body. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000e-\u001f]/;
/** A stray U+FFFD can be a real page's encoding slip; several mean the body was not UTF-8 text at all. */
const MAX_REPLACEMENT_CHARACTERS = 2;

type SectionResult = { lines: string[] } | { status: 'empty' | 'error'; reason: string };

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
  const start = lines.findIndex((line) => TRACKLIST_HEADING.test(HEADING.exec(line.trim())?.[2] ?? ''));
  if (start < 0) return { status: 'empty', reason: 'no "== Tracklist ==" section' };
  const level = HEADING.exec(lines[start]?.trim() ?? '')?.[1]?.length ?? 2;
  const section: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const heading = HEADING.exec(line.trim());
    if (heading?.[1] !== undefined && heading[1].length <= level) break;
    section.push(line);
  }
  return { lines: section };
}

/**
 * Tracklist lines -> parts. `;Name` and lower-level headings start a part; `#` lines are rows (an empty `#` is
 * an empty, unidentified row, so positions match the page); `#:` / `#*` / `##` lines are comments on the row
 * above and are skipped, as is any other line (`<div>`, prose).
 */
function readParts(lines: string[], warnings: string[]): ParsedPart[] {
  const parts: ParsedPart[] = [];
  let current: ParsedPart = { index: 0, name: null, rows: [] };
  const startPart = (name: string) => {
    if (current.rows.length > 0) parts.push(current);
    else if (current.name !== null) warnings.push(`part "${current.name}" has no rows`);
    current = { index: parts.length, name: toPlainText(name) || null, rows: [] };
  };
  for (const rawLine of lines) {
    const line = rawLine.trimStart();
    const heading = HEADING.exec(line.trim());
    if (line.startsWith(';')) startPart(line.slice(1));
    else if (heading?.[2] !== undefined) startPart(heading[2]);
    else if (line.startsWith('#') && !/^#[:*#;]/.test(line)) current.rows.push(parseTrackLine(line.slice(1)));
  }
  if (current.rows.length > 0) parts.push(current);
  else if (current.name !== null) warnings.push(`part "${current.name}" has no rows`);
  return parts;
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
