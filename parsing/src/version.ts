/**
 * Versions ("Dubfire Remix", "Ben Klock Process", "Hardwell Mashup", "Foul Play VIP"), notes that are no version
 * ("unreleased", "prod. by X"), and who made a version.
 * A remix is a different track from its original (ARCHITECTURE §2), so recognising versions matters for identity;
 * the remixer names are best effort (docs/parsing.md, "Versions").
 */
import { isValidArtistCredit } from '@songnodes/contracts';
import { splitArtistCredit } from './artist-credit';

/** Words that name who made a version: any words before them are the remixer ("Dubfire Remix"). */
const CREDITING_WORDS = [
  're-?mix(?:es)?',
  'rmx',
  're-?edit',
  'edit',
  're-?work',
  'process',
  're-?fix',
  're-?rub',
  'bootleg',
  're-?make',
  'reconstruction',
  're-?interpretation',
  'interpretation',
  'treatment',
  'redux',
  're-?model',
  're-?shape',
  're-?dub',
  're-?version',
  're-?mixed',
  'mash-?\\s?up',
  're-?amp',
  're-?assembly',
  're-?visit',
  're-?touch',
  're-?think',
  're-?imagin(?:ation|ed)',
  're-?phrased',
  're-?vamp',
  're-?construct(?:ion|ed)?',
];
/**
 * Words that describe a version without naming anyone ("Dub Mix", "Acid Instrumental", "Live", "VIP").
 * Not "take": "(Take Me Higher)" is a title in brackets far more often than a version.
 */
const DESCRIBING_WORDS = [
  'mix',
  'dub',
  'version',
  'instrumental',
  'vocal',
  'reprise',
  'live',
  'demo',
  'vip',
  'extended',
  'cut',
  'a ?cc?app?ella',
  'remaster(?:ed)?',
  'variation',
  'wip',
  'megamix',
  'medley',
];
/** Words that are versions only as the last word of the bracket: "(Zinc Special)", "(Skream Flip)", not "(Flip Da Funk)". */
const LAST_ONLY_WORDS = ['special', 'flip', 'blend'];

const CREDITING = new RegExp(`\\b(?:${CREDITING_WORDS.join('|')})\\b`, 'i');
/** Also a word that merely ends in "mix" ("Mastermix", "Ruskomix"): a mix named in one word. */
const VERSION_WORD = `(?:\\b(?:${[...CREDITING_WORDS, ...DESCRIBING_WORDS].join('|')})\\b|\\B(?:re)?mix\\b|\\b(?:${LAST_ONLY_WORDS.join('|')})$)`;
const ANY_VERSION_WORD = new RegExp(VERSION_WORD, 'i');
const ALL_VERSION_WORDS = new RegExp(VERSION_WORD, 'gi');
/** Descriptors that may sit between a remixer's name and the version word ("Powertools Acid Funk Mix"). */
const DESCRIPTOR_WORD =
  /^(?:dub|club|extended|radio|vocal|instrumental|original|acid|funk|deep|dark|main|alternative|alt|short|long|special|full|12"|7"|\d+)$/i;
const ORIGINAL = /^original(?:\s+(?:mix|version|edit|cut))?$/i;
/**
 * Bracket notes that say something about the record or how it was played, not which version it is:
 * "(unreleased)", "(forthcoming)", "(Sample)", "(free download)", "(prod. by Blxck Mxck)", "(as on [[another mix]])".
 */
const NOTE =
  /^(?:unreleased|forthcoming|upcoming|out now|out soon|coming soon|soon on .*|free\s?(?:download|dl)|sample|tba|tbc|as on\b.*|prod(?:\.|uced)?(?:\s*by)?\b.*)$/i;

/** A name: capitalised words or numbers ("Kruder", "Mousse T", "DJ Face", "4 Hero"). */
const NAME = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}.'’!*-]*(?:\s[\p{Lu}\p{N}][\p{L}\p{N}.'’!*-]*){0,3}`;
/**
 * "(Kruder + Dorfmeister)", "(Tito & India)", "(Mousse T vs Ifeellovedub)": two names joined in brackets credit a
 * version, as in 20 of the 26 such brackets among 25,000 Essential Mix rows; "(Parts 1 & 2)" does not.
 */
const JOINED_NAMES = new RegExp(
  String.raw`^(?!(?:[Pp]arts?|[Pp]t\.?|[Vv]ol\.?|[Vv]olume|[Cc]hapter|[Ss]ide)\s)${NAME}\s(?:&|\+|[Vv][Ss]\.?|x)\s${NAME}$`,
  'u',
);

/** True when a bracket holds two joined names and nothing else: a remix credited without the word "Remix". */
export function isJoinedCredit(text: string): boolean {
  return JOINED_NAMES.test(text.trim());
}

/** True when a bracket's text names a version ("Dubfire Remix", "Dub Mix", "Live", "VIP") rather than, say, a label. */
export function isVersionText(text: string): boolean {
  return ANY_VERSION_WORD.test(text);
}

/** "Original Mix", "Original", "Original Version": the original, which is no version at all. */
export function isOriginalVersion(text: string): boolean {
  return ORIGINAL.test(text.trim());
}

/** "(unreleased)", "(prod. by X)", "(Sample)": a note, neither title nor version. */
export function isNoteText(text: string): boolean {
  return NOTE.test(text.trim());
}

function isRealName(name: string): boolean {
  return isValidArtistCredit(name) && !/^unknown\b/i.test(name);
}

/** Drops descriptor words from the end of the words before a version word ("Powertools Acid Funk" -> "Powertools"). */
function withoutDescriptors(prefix: string): string {
  const words = prefix.trim().split(/\s+/);
  while (words.length > 0 && DESCRIPTOR_WORD.test(words.at(-1) ?? '')) words.pop();
  return words.join(' ');
}

/**
 * The artists credited for a version, best effort:
 * "Dubfire Remix" -> ["Dubfire"], "Ben Klock's Glowing Clap Mix" -> ["Ben Klock"],
 * "Trax-X vs Sinesweeper Remix" -> ["Trax-X", "Sinesweeper"], "Dub Mix" / "Detroit Mix" -> [].
 * Before a describing word ("Mix", "Dub", "Version") only a name of two or more words counts, since
 * "Foreplay Mix" and "Detroit Mix" name no one while "Jamie Anderson Mix" does. Linear in the version text.
 */
export function remixersOf(version: string): string[] {
  const possessive = /^([^'\u2019]+?)['\u2019]s\s/.exec(version);
  if (possessive?.[1] !== undefined) return splitArtistCredit(possessive[1]).filter(isRealName);
  let last: RegExpExecArray | null = null;
  ALL_VERSION_WORDS.lastIndex = 0;
  for (let match = ALL_VERSION_WORDS.exec(version); match; match = ALL_VERSION_WORDS.exec(version)) {
    last = match;
    if (match[0] === '') ALL_VERSION_WORDS.lastIndex += 1;
  }
  if (!last) return [];
  const prefix = withoutDescriptors(version.slice(0, last.index));
  // "Live PA Cut 2", "Dub Mix": what precedes the last version word is itself a description, not a name.
  if (prefix === '' || ANY_VERSION_WORD.test(prefix)) return [];
  if (!CREDITING.test(last[0]) && prefix.split(/\s+/).length < 2) return [];
  return splitArtistCredit(prefix).filter(isRealName);
}
