/**
 * Artist credits: taking "feat. X" off a credit and splitting a credit into individual artists only where that
 * is safe. A credit is a display string ("Above & Beyond", "Cisco Ferreira & Colin Mcbean"); nothing here
 * knows which names are acts, so the rules stay conservative (docs/parsing.md, "Artist credits").
 */
import { findTopLevel, splitTopLevel, trimStrayBrackets } from './brackets';

/*
 * Every pattern starts with `(?<!\s)\s+`: a run of spaces is tried from its first space only, so a long run costs
 * one pass instead of one pass per space (linear, not quadratic, on "a      …      b").
 */
/** " feat. ", " ft ", " featuring " with spaces around; "Daft" or "Ft." inside a word never match. */
const FEATURING_WORD = /(?<!\s)\s+(?:feat\.?|ft\.?|featuring)\s+/i;
/** "(feat. X)" / "[ft. X]" groups; the name part stops at the next bracket, so an unclosed group costs one pass. */
const FEATURING_GROUP = /[([]\s*(?:feat\.?|ft\.?|featuring)\s+([^()[\]]*)[)\]]/gi;
/** Joiners between acts that never occur inside one act's name. */
const ALWAYS_SPLIT = /(?<!\s)\s+(?:[Vv][Ss]\.?|[Vv]ersus|[Bb]2[Bb]|x|×)\s+/g;
/** "&", "and" and "+" join two acts or sit inside one ("Above & Beyond", "Florence + The Machine"). */
const AND_JOINER = /(?<!\s)\s+(?:&|and|\+)\s+/gi;
const COMMA = /(?<!\s)\s*,\s*/g;
/** A piece that starts like the rest of one act's name: "& The Heartbreakers", "and His Orchestra". */
const ACT_CONTINUATION = /^(?:the|his|her|their)\s/i;

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
    return ' ';
  });
  if (featuredTexts.length > 0) main = main.replace(/ {2,}/g, ' ');
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
 * "A & B" / "A and B" / "A + B" are two artists when at least one side is a full name of two or more words and no
 * side after the first starts like the rest of one act's name ("The", "His"): "Cisco Ferreira & Colin Mcbean",
 * "Perc & Passarella Death Squad", "Lane 8 & PARIS", "DJ Phantasy + DJ Gemini" split; "Above & Beyond",
 * "Stil & Bense", "2000 and One", "Tom Petty & The Heartbreakers", "Buddy Johnson and His Orchestra" and
 * "Florence + The Machine" do not. Two single words are left whole: the line does not say whether they name a duo
 * ("Chase & Status") or two people, and a missed split costs less than a split act.
 */
function splitOnAnd(credit: string): string[] {
  const pieces = splitTopLevel(credit, AND_JOINER);
  if (pieces.length < 2) return [credit.trim()];
  const continuesAnAct = pieces.slice(1).some((piece) => ACT_CONTINUATION.test(piece));
  const hasFullName = pieces.some((piece) => wordCount(piece) >= 2);
  return !continuesAnAct && hasFullName ? pieces : [credit.trim()];
}

/**
 * Commas list artists ("Surgeon, Regis", "Sir LSG, Clara Hill"); in "A, B & C" the last "&" closes the list, so
 * it splits too ("Steve Angello, Sebastian Ingrosso & Axwell"). Left whole: a piece after the first starting with
 * "The" ("Tyler, The Creator") and a list closed by "&" whose names are all single words ("Earth, Wind & Fire",
 * "Crosby, Stills & Nash"). An "&" inside an earlier piece is that piece's own ("Noir & Haze, Solomun").
 */
function splitOnComma(credit: string): string[] {
  const pieces = splitTopLevel(credit, COMMA);
  if (pieces.length < 2) return splitOnAnd(credit);
  // "Tyler, The Creator"; "Chemical Brothers, The" (a sorted name).
  if (pieces.slice(1).some((piece) => /^the(?:\s|$)/i.test(piece))) return [credit.trim()];
  const last = pieces.at(-1) ?? '';
  const closing = splitTopLevel(last, AND_JOINER);
  if (closing.length > 1) {
    const names = [...pieces.slice(0, -1), ...closing];
    if (names.every((name) => wordCount(name) < 2) || closing.slice(1).some((name) => ACT_CONTINUATION.test(name))) {
      return [credit.trim()];
    }
    return [...pieces.slice(0, -1).flatMap(splitOnAnd), ...closing];
  }
  return pieces.flatMap(splitOnAnd);
}

/**
 * The individual artists of a credit, in credit order, featuring excluded. Splits always on " vs ", " vs. ",
 * " b2b " and a lower-case " x " (an upper-case X is too often part of a name); on ", " and " & " / " and " / " + "
 * only under the rules above; never on "/" ("Push/Pull"). Returns [] for an empty credit. Linear in the credit.
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
