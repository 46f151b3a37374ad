/**
 * Normalised identity keys: the same track written slightly differently across setlists and sources resolves to
 * one silver track. Keys are for matching only, never for display. Rules and reasons: docs/parsing.md, "Identity keys".
 */
import { isValidArtistCredit } from '@songnodes/contracts';
import { splitArtistCredit, splitFeaturing } from './artist-credit';
import { parseTitleSide } from './title-side';
import { isUnknownTitle } from './track-line';

/** Letters NFKD does not decompose but that readers treat as plain letters ("Rødhåd" = "Rodhad"). */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
};

/**
 * Lower-case, NFKD with marks removed from Latin letters (é -> e, å -> a, ³ -> 3), ø/æ/œ/ß/ł… spelled out,
 * "&" read as "and", then every character that is not a letter or a digit removed (spaces included, so that
 * "T.P. Heckmann" = "TP Heckmann" and "Trax-X" = "Trax X").
 */
function foldForKey(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      // Accents come off Latin letters only: Cyrillic "й" is its own letter, not "и" with a mark.
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .normalize('NFC')
      .replace(/[øæœßđðþłıħ]/g, (letter) => LETTER_FOLDS[letter] ?? letter)
      .replace(/\s*&\s*/g, ' and ')
  );
}

function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The key of one artist name: `artistKey("The Black Dog") === artistKey("Black Dog")`,
 * `artistKey("Above & Beyond") === artistKey("above and beyond")`, `artistKey("Rødhåd") === "rodhad"`.
 * A name that is only punctuation gives "".
 */
export function artistKey(name: string): string {
  return compact(
    foldForKey(name)
      .trim()
      .replace(/^the\s+/, ''),
  );
}

/** The parts of a track that decide its identity. Featured artists are deliberately not part of it. */
export interface TrackIdentity {
  artist: string | null;
  title: string | null;
  version: string | null;
}

function titleKey(title: string): string {
  return compact(foldForKey(title).replace(/\bpt\b\.?/g, 'part'));
}

function versionKey(version: string): string {
  return compact(foldForKey(version).replace(/\brmx\b/g, 'remix'));
}

/**
 * The key of a track, or null when it cannot be a silver track (no valid artist, unknown title).
 * `artists|title|version`, where artists are the primary artists' keys, sorted (so "A & B" order does not
 * matter once the credit is safely split), featuring excluded ("Ben Klock feat. Elif Biçer - Goodly Sin" is
 * "Ben Klock - Goodly Sin"); the title has any "(Remix)" / "(feat. X)" / "(Original Mix)" it still carries moved
 * out first, so `{title: "Strobe (Dubfire Remix)"}` = `{title: "Strobe", version: "Dubfire Remix"}`;
 * "(Original Mix)" is no version; different versions stay different keys.
 */
export function trackKey(track: TrackIdentity): string | null {
  if (track.artist == null || !isValidArtistCredit(track.artist) || isUnknownTitle(track.title)) return null;
  const artists = [...new Set(splitArtistCredit(splitFeaturing(track.artist).main).map(artistKey))].filter((key) => key !== '').sort();
  const written = `${track.title ?? ''}${track.version ? ` (${track.version})` : ''}`;
  const { title, version } = parseTitleSide(written);
  const titlePart = title === null ? '' : titleKey(title);
  if (artists.length === 0 || titlePart === '') return null;
  return `${artists.join('+')}|${titlePart}|${version === null ? '' : versionKey(version)}`;
}
