/**
 * Artist credits: taking "feat. X" off a credit and splitting a credit into individual artists only where that
 * is safe. A credit is a display string ("Above & Beyond", "Cisco Ferreira & Colin Mcbean"); nothing here
 * knows which names are acts, so the rules stay conservative (docs/parsing.md, "Artist credits").
 */
import { findTopLevel, splitTopLevel, trimStrayBrackets } from './brackets';

/** " feat. ", " ft ", " featuring " with spaces around; "Daft" or "Ft." inside a word never match. */
const FEATURING_WORD = /\s+(?:feat\.?|ft\.?|featuring)\s+/i;
/** "(feat. X)" / "[ft. X]" groups. */
const FEATURING_GROUP = /\s*[([]\s*(?:feat\.?|ft\.?|featuring)\s+([^)\]]*)[)\]]/gi;
/** Joiners between acts that never occur inside one act's name. */
const ALWAYS_SPLIT = /\s+(?:[Vv][Ss]\.?|[Vv]ersus|[Bb]2[Bb]|x|×)\s+/g;
const AND_JOINER = /\s+(?:&|and)\s+/gi;

/** A credit without its featuring part, and the featured names. */
export interface FeaturingSplit {
  main: string;
  featured: string[];
}

/** Cuts the featuring parts off `text`, returning the rest and the raw featured texts (not yet split). */
function cutFeaturing(text: string): { main: string; featuredTexts: string[] } {
  const featuredTexts: string[] = [];
  let main = text.replace(FEATURING_GROUP, (_whole, names: string) => {
    featuredTexts.push(names);
    return '';
  });
  const word = findTopLevel(main, FEATURING_WORD);
  if (word) {
    featuredTexts.push(main.slice(word.end));
    main = main.slice(0, word.index);
  }
  return { main: main.trim(), featuredTexts };
}

/**
 * Takes "feat. X" / "ft. X" / "featuring X" (also in brackets) off `text`.
 * `"Ben Klock feat. Elif Biçer"` -> `{ main: "Ben Klock", featured: ["Elif Biçer"] }`.
 * The featured part is split with {@link splitArtistCredit} ("Jay Dee and Phat Kat" -> two names).
 */
export function splitFeaturing(text: string): FeaturingSplit {
  const { main, featuredTexts } = cutFeaturing(text);
  return { main, featured: uniqueNames(featuredTexts.flatMap(splitArtistCredit)) };
}

function wordCount(name: string): number {
  return name.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * "A & B" / "A and B" are two artists only when every side has at least two words and no side after the first
 * starts with "The": "Cisco Ferreira & Colin Mcbean" and "Guy Gerber And Shlomi Aber" split;
 * "Above & Beyond", "2000 and One", "Prosumer & Murat Tepeli" and "Tom Petty & The Heartbreakers" do not.
 */
function splitOnAnd(credit: string): string[] {
  const pieces = splitTopLevel(credit, AND_JOINER);
  if (pieces.length < 2) return [credit.trim()];
  const safe = pieces.every((piece, index) => wordCount(piece) >= 2 && (index === 0 || !/^the\s/i.test(piece)));
  return safe ? pieces : [credit.trim()];
}

/**
 * Commas list artists ("Surgeon, Regis") unless the list looks like one band's name: a piece after the first
 * starting with "The" ("Tyler, The Creator") or a list closed by "&"/"and" whose pieces are single words
 * ("Earth, Wind & Fire", "Crosby, Stills & Nash").
 */
function splitOnComma(credit: string): string[] {
  const pieces = splitTopLevel(credit, /\s*,\s*/g);
  if (pieces.length < 2) return splitOnAnd(credit);
  if (pieces.slice(1).some((piece) => /^the\s/i.test(piece))) return [credit.trim()];
  const hasAnd = findTopLevel(credit, AND_JOINER) !== null;
  if (hasAnd) {
    const allNames = pieces.flatMap((piece) => splitTopLevel(piece, AND_JOINER));
    if (allNames.some((name) => wordCount(name) < 2)) return [credit.trim()];
  }
  return pieces.flatMap(splitOnAnd);
}

/**
 * The individual artists of a credit, in credit order, featuring excluded. Splits always on " vs ", " vs. ",
 * " b2b " and a lower-case " x " (an upper-case X is too often part of a name); on ", " and " & " / " and " only
 * under the rules above; never on "/" or "+" ("Push/Pull", "Florence + The Machine"). Returns [] for an empty credit.
 */
export function splitArtistCredit(credit: string): string[] {
  const { main } = cutFeaturing(credit);
  return uniqueNames(splitTopLevel(main, ALWAYS_SPLIT).flatMap(splitOnComma));
}

/** Names trimmed, without dangling brackets, de-duplicated case-insensitively (first spelling wins), empties dropped. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map(trimStrayBrackets).filter((name) => {
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
