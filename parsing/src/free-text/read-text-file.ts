/**
 * Plain-text tracklist files (what `import --format text` reads): optional header lines, then the tracklist.
 *
 *     DJ: Ben Klock b2b Marcel Dettmann
 *     Date: 2024-05-01
 *     Title: Berghain Klubnacht
 *
 *     01. Trevino - Sombre Tones [Klockworks]
 *     …
 *
 * Header lines are "Key: value" lines at the very top (blank lines between them allowed): DJ/DJs/Artist/Performer,
 * Date, Title, Event, Venue, Location/City; unknown keys are kept in `fields`. The first other line ends the header.
 * The rest is read by the free-text reader (prose, links and headings around the list are fine). Pure, linear.
 */
import { collapseWhitespace } from '../text';
import { splitDjCredit } from '../setlist-title';
import { readFreeTextTracklist, type FreeTextTracklist } from './read-free-text';
import { dateInText, isoDateOf, readDjsAndPlace, type TextSetlist } from './text-setlist';

/** "DJ: X", "date = 2024-05-01", "Title - X" is not one (a dash is how rows are written). */
const HEADER_LINE = /^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*[:=]\s*(.*)$/;
const KEYS: Readonly<Record<string, keyof HeaderValues>> = {
  dj: 'djs',
  djs: 'djs',
  artist: 'djs',
  artists: 'djs',
  performer: 'djs',
  performers: 'djs',
  date: 'date',
  title: 'title',
  name: 'title',
  show: 'title',
  event: 'event',
  venue: 'venue',
  club: 'venue',
  location: 'location',
  city: 'location',
  place: 'location',
};

interface HeaderValues {
  djs: string;
  date: string;
  title: string;
  event: string;
  venue: string;
  location: string;
}

/** The header of a tracklist file, and where the tracklist starts. */
export interface TextFileHeader {
  values: Partial<HeaderValues>;
  /** every "Key: value" header line, keys lower-cased */
  fields: Record<string, string>;
  /** 0-based line where the body (after the header) starts */
  bodyStartLine: number;
  body: string;
}

/** Reads the "Key: value" lines at the top of a text file. Keys it does not know stay in `fields`. */
export function readTextFileHeader(text: string): TextFileHeader {
  const lines = (typeof text === 'string' ? text : '').split(/\r\n|\r|\n/);
  const values: Partial<HeaderValues> = {};
  const fields: Record<string, string> = {};
  let index = 0;
  let sawHeader = false;
  for (; index < lines.length; index += 1) {
    const line = collapseWhitespace((lines[index] ?? '').slice(0, 1000));
    if (line === '') continue;
    const header = HEADER_LINE.exec(line);
    const key = header?.[1]?.trim().toLowerCase();
    if (!header || key === undefined || (!(key in KEYS) && !sawHeader) || /^(?:tracklist|tracks|playlist)$/.test(key)) break;
    sawHeader = true;
    fields[key] = header[2]?.trim() ?? '';
    const known = KEYS[key];
    if (known) values[known] = header[2]?.trim() ?? '';
  }
  return { values, fields, bodyStartLine: sawHeader ? index : 0, body: lines.slice(sawHeader ? index : 0).join('\n') };
}

/** A plain-text tracklist file -> a setlist-like record; `tracklist` is null when the body holds no tracklist. */
export function readTextTracklistFile(text: string): TextSetlist & { tracklist: FreeTextTracklist | null } {
  const header = readTextFileHeader(text);
  const tracklist = readFreeTextTracklist(header.body);
  const warnings = [...(tracklist?.warnings ?? [])];
  if (tracklist === null) warnings.push('no tracklist found in the text');
  const title = header.values.title || null;
  const fromTitle = title ? readDjsAndPlace(title) : { djs: [], event: null, venue: null, location: null };
  const djs = header.values.djs ? splitDjCredit(header.values.djs) : fromTitle.djs;
  const dateText = header.values.date || (title ? dateInText(title) : null);
  const date = isoDateOf(dateText);
  if (dateText !== null && date === null)
    warnings.push(`date "${dateText}" is not a full date (YYYY-MM-DD or DD.MM.YYYY): kept as written`);
  return {
    title,
    djs,
    dateText,
    date,
    event: header.values.event || fromTitle.event,
    venue: header.values.venue || fromTitle.venue,
    location: header.values.location || fromTitle.location,
    parts: tracklist?.parts ?? [],
    warnings,
    tracklist,
  };
}
