import { isValidArtistCredit } from './artist-validity';

/** The longest artist or title a target takes (the search query is built from both). */
export const MAX_TARGET_FIELD_LENGTH = 300;

/** A target track as every way in validates it: `crawl targets add/import`, addTargetTrack and requestTrack. */
export type TargetTrackCheck = { ok: true; artist: string; title: string } | { ok: false; field: 'artist' | 'title'; reason: string };

/** Trimmed, inner runs of white space as one space (NFC), control characters refused by the checks below. */
const tidy = (value: string | null | undefined) => (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Checks a target's artist and title: both are needed, each at most 300 characters and without control characters,
 * and the artist must be a real credit (not "Unknown Artist", "VA", "ID"…: the artist-validity rule), since a
 * search for an unknown artist finds nothing that could be told apart. Returns them tidied, or what is wrong.
 */
export function checkTargetTrack(artist: string | null | undefined, title: string | null | undefined): TargetTrackCheck {
  const a = tidy(artist);
  const t = tidy(title);
  if (!a || !t) return { ok: false, field: a ? 'title' : 'artist', reason: 'needs both artist and title' };
  for (const [field, value] of [
    ['artist', a],
    ['title', t],
  ] as const) {
    if (value.length > MAX_TARGET_FIELD_LENGTH)
      return { ok: false, field, reason: `${field} must be at most ${MAX_TARGET_FIELD_LENGTH} characters` };
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) return { ok: false, field, reason: `${field} must not contain control characters` };
  }
  if (!isValidArtistCredit(a))
    return { ok: false, field: 'artist', reason: `"${a}" is not an artist a setlist could name (unknown, various or ID)` };
  return { ok: true, artist: a, title: t };
}

/** The key two requests for the same track share: the tidied artist and title, case folded. */
export function targetTrackKey(artist: string, title: string): string {
  return `${tidy(artist).toLowerCase()}|${tidy(title).toLowerCase()}`;
}
