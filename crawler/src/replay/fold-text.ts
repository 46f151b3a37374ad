/**
 * Text folding shared by the replayed search endpoints, so that "Âme" finds "Ame" the way the real search
 * engines (CirrusSearch's ICU folding, 1001tracklists' search box) do.
 */

// Letters that NFKD does not decompose into base letter + mark but that ICU folding still maps to ASCII.
const UNDECOMPOSABLE: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** Lower-cases and removes diacritics: "Âme – Rej" -> "ame – rej". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßđłþı]/g, (char) => UNDECOMPOSABLE[char] ?? char);
}

/** Folded words (letters and digits), punctuation dropped: "Ben Klock @ Berghain" -> ["ben", "klock", "berghain"]. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Collapses runs of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
