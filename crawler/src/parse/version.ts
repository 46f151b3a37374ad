/**
 * Versions ("Dubfire Remix", "Ben Klock Process", "Radikal Victory Edit") and who made them.
 * A remix is a different track from its original (ARCHITECTURE §2), so recognising versions matters for identity;
 * the remixer names are best effort (docs/parsing.md, "Versions").
 */
import { isValidArtistCredit } from '@songnodes/contracts';
import { splitArtistCredit } from './artist-credit';

/** Words that name who made a version: any words before them are the remixer ("Dubfire Remix"). */
const CREDITING_WORDS = [
  're-?mix(?:es)?', 'rmx', 're-?edit', 'edit', 're-?work', 'process', 're-?fix', 're-?rub', 'bootleg', 're-?make',
  'reconstruction', 're-?interpretation', 'interpretation', 'treatment', 'redux', 're-?model', 're-?shape',
  're-?dub', 're-?version',
];
/**
 * Words that describe a version without naming anyone ("Dub Mix", "Acid Instrumental", "Live").
 * Not "take": "(Take Me Higher)" is a title in brackets far more often than a version.
 */
const DESCRIBING_WORDS = [
  'mix', 'dub', 'version', 'instrumental', 'vocal', 'reprise', 'live', 'demo', 'vip', 'extended', 'cut',
  'a ?cc?app?ella', 'remaster(?:ed)?', 'variation',
];

const CREDITING = new RegExp(`\\b(?:${CREDITING_WORDS.join('|')})\\b`, 'i');
const VERSION_WORD = `\\b(?:${[...CREDITING_WORDS, ...DESCRIBING_WORDS].join('|')})\\b`;
const ANY_VERSION_WORD = new RegExp(VERSION_WORD, 'i');
/** The last version word: "Remix" in "Trax-X vs Sinesweeper Remix", "Edit" in "Dub Edit". */
const LAST_VERSION_WORD = new RegExp(`${VERSION_WORD}(?!.*${VERSION_WORD})`, 'i');
/** Descriptors that may sit between a remixer's name and the version word ("Powertools Acid Funk Mix"). */
const DESCRIPTOR_TAIL = /(?:\s+(?:dub|club|extended|radio|vocal|instrumental|original|acid|funk|deep|dark|main|alternative|alt|short|long|special|full|12"|7"|\d+))+$/i;
const ORIGINAL = /^original(?:\s+(?:mix|version|edit|cut))?$/i;

/** True when a bracket's text names a version ("Dubfire Remix", "Dub Mix", "Live") rather than, say, a label. */
export function isVersionText(text: string): boolean {
  return ANY_VERSION_WORD.test(text);
}

/** "Original Mix", "Original", "Original Version": the original, which is no version at all. */
export function isOriginalVersion(text: string): boolean {
  return ORIGINAL.test(text.trim());
}

function isRealName(name: string): boolean {
  return isValidArtistCredit(name) && !/^unknown\b/i.test(name);
}

/**
 * The artists credited for a version, best effort:
 * "Dubfire Remix" -> ["Dubfire"], "Ben Klock's Glowing Clap Mix" -> ["Ben Klock"],
 * "Trax-X vs Sinesweeper Remix" -> ["Trax-X", "Sinesweeper"], "Dub Mix" / "Detroit Mix" -> [].
 * Before a describing word ("Mix", "Dub", "Version") only a name of two or more words counts, since
 * "Foreplay Mix" and "Detroit Mix" name no one while "Jamie Anderson Mix" does.
 */
export function remixersOf(version: string): string[] {
  const possessive = /^(.+?)['\u2019]s\s/.exec(version);
  if (possessive?.[1] !== undefined) return splitArtistCredit(possessive[1]).filter(isRealName);
  const versionWord = LAST_VERSION_WORD.exec(version);
  if (!versionWord) return [];
  const prefix = version.slice(0, versionWord.index).replace(DESCRIPTOR_TAIL, '').trim();
  // "Live PA Cut 2", "Dub Mix": what precedes the last version word is itself a description, not a name.
  if (prefix === '' || ANY_VERSION_WORD.test(prefix)) return [];
  if (!CREDITING.test(versionWord[0]) && prefix.split(/\s+/).length < 2) return [];
  return splitArtistCredit(prefix).filter(isRealName);
}
