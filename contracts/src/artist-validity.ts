/**
 * The artist-validity rule (ARCHITECTURE §3): a track is graph-worthy only if its primary artist credit is
 * a real credit. Placeholders such as "Unknown Artist", "VA" or "ID" are not, and neither is a credit that starts
 * with one of them followed by a separator ("Unknown Artist @ Fabric", "VA - Sampler").
 *
 * The same rule is implemented in SQL (`silver.is_valid_artist_credit`, sql/migrations) and both are asserted
 * against `artist-validity-cases.json`. Change them together.
 */

/** Placeholder credits, compared after lower-casing and collapsing whitespace. */
export const PLACEHOLDER_CREDITS: readonly string[] = [
  'unknown',
  'unknown artist',
  'unknown artists',
  'various',
  'various artists',
  'va',
  'v/a',
  'v.a.',
  'id',
  'n/a',
  '?',
];

/**
 * What may follow a placeholder for the whole credit to still be a placeholder: punctuation that starts a
 * location, title or list ("@", "-", "–", ":", "/", ",", "(", "[", "|", "&", "+") or a joining word
 * ("feat.", "ft.", "vs", "x", "b2b", "and"). "Unknown Mortal Orchestra" is therefore valid; "ID & ID" is not.
 */
const SEPARATOR = String.raw`(?:[@\-\u2010-\u2015:/,(\[|&+~.]|(?:feat\.?|ft\.?|featuring|vs\.?|versus|x|b2b|and)(?:\s|$))`;

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const PLACEHOLDER_PREFIX = new RegExp(`^(?:${PLACEHOLDER_CREDITS.map(escapeForRegExp).join('|')})\\s*${SEPARATOR}`, 'u');

/** Only question marks, dashes and dots ("??", "-", "…"): nobody is credited. ("!!!" is a band.) */
const NOTHING_BUT_PUNCTUATION = /^[?\-\u2010-\u2015._*…\s]*$/u;

/** Lower-cases and collapses every kind of whitespace (including NBSP) to one space. */
export function normalizeCreditForValidity(credit: string): string {
  return credit.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** True when `credit` names a real artist (or act) and so may appear in the graph. */
export function isValidArtistCredit(credit: string | null | undefined): boolean {
  if (credit == null) return false;
  const normalized = normalizeCreditForValidity(credit);
  if (normalized === '' || NOTHING_BUT_PUNCTUATION.test(normalized)) return false;
  if (PLACEHOLDER_CREDITS.includes(normalized)) return false;
  return !PLACEHOLDER_PREFIX.test(normalized);
}
