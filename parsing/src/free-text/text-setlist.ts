/**
 * The setlist-like record the text readers give (a CUE sheet, a plain-text tracklist file): what the import turns
 * into a ParsedSetlist with its own source, URL and identity.
 */
import type { ParsedPart } from '../types';
import { splitDjCredit } from '../setlist-title';

export interface TextSetlist {
  title: string | null;
  /** DJs in credit order; empty when the text names none */
  djs: string[];
  /** the date as written, and as an ISO date when it is a full, real date */
  dateText: string | null;
  date: string | null;
  event: string | null;
  venue: string | null;
  location: string | null;
  parts: ParsedPart[];
  warnings: string[];
}

/** "2022-10-15", "15.10.2022", "2022/10/15" -> "2022-10-15" when it is a real calendar date; otherwise null. */
export function isoDateOf(text: string | null): string | null {
  if (text === null) return null;
  const trimmed = text.trim();
  const iso = /^(\d{4})[-/](\d{2})[-/](\d{2})$/.exec(trimmed);
  const european = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : european
      ? [european[3], european[2]?.padStart(2, '0'), european[1]?.padStart(2, '0')]
      : [];
  if (!year || !month || !day) return null;
  const candidate = `${year}-${month}-${day}`;
  const parsed = new Date(`${candidate}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === candidate ? candidate : null;
}

/** A date written somewhere in a title: "Mat Zo @ ABGT 500, … United States 2022-10-15" -> "2022-10-15". */
export function dateInText(text: string): string | null {
  return /(?:^|\D)(\d{4}-\d{2}-\d{2})(?!\d)/.exec(text)?.[1] ?? null;
}

/** "Mat Zo @ ABGT 500, Banc of California Stadium, Los Angeles" -> DJs before "@", event/venue/location after it. */
export function readDjsAndPlace(title: string): Pick<TextSetlist, 'djs' | 'event' | 'venue' | 'location'> {
  const at = /\s@\s/.exec(title);
  if (!at) return { djs: [], event: null, venue: null, location: null };
  const place = title
    .slice(at.index + at[0].length)
    .replace(/\s*\d{4}-\d{2}-\d{2}\s*$/, '')
    .trim();
  const pieces = place.split(/\s*,\s*/).filter((piece) => piece !== '');
  return {
    djs: splitDjCredit(title.slice(0, at.index)),
    event: pieces[0] ?? null,
    venue: pieces.length > 2 ? pieces.slice(1, -1).join(', ') : null,
    location: pieces.length > 1 ? (pieces.at(-1) ?? null) : null,
  };
}
