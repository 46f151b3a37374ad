/**
 * How tracks, dates and missing values read in the panels. Missing data is said to be missing — never filled
 * in: no made-up dates, versions, BPM or keys.
 */

export const MISSING = '—';

export interface TrackLike {
  title: string;
  version?: string | null;
  artistCredit: string;
}

/** "Artist — Title (Version)". */
export function trackLabel(track: TrackLike): string {
  return `${track.artistCredit} — ${track.title}${track.version ? ` (${track.version})` : ''}`;
}

/** The API defines a null version as the original; anything else is shown as written. */
export function versionText(version: string | null | undefined): string {
  return version ? version : 'original (no version given)';
}

/** An ISO date as written, or an explicit "unknown". */
export function dateText(date: string | null | undefined): string {
  return date ? date.slice(0, 10) : 'date unknown';
}

export function optionalText(value: string | null | undefined): string {
  return value && value.trim() !== '' ? value : MISSING;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** An ISO date-time as "YYYY-MM-DD HH:MM UTC", or "never". */
export function dateTimeText(value: string | null | undefined): string {
  if (!value) return 'never';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "Artist - Title" (or an en/em dash) into its two halves; without a dash everything is the title. */
export function splitArtistTitle(text: string): [string, string] {
  const match = /^(.+?)\s+[-–—]\s+(.+)$/.exec(text.trim());
  return match ? [match[1]!.trim(), match[2]!.trim()] : ['', text.trim()];
}
