/**
 * What each line of a pasted description is: a tracklist row, a heading, a link, prose, or something else.
 * Pure; constant work per character (anchored or single-pass patterns on lines capped at MAX_LINE_CHARS).
 * The rules and the real lines behind them: docs/parsing.md, "Free text".
 */
import { readListNumber } from '../numbering';
import { takeLeadingCue, takeTrailingCue } from '../cue';
import { collapseWhitespace, decodeHtmlEntities } from '../text';

/** A line longer than this is prose or noise, never one tracklist row (the longest real row is ~190 characters). */
export const MAX_LINE_CHARS = 400;

export type LineKind = 'blank' | 'link' | 'tracklist-heading' | 'part-heading' | 'row' | 'other';
/** How the row separates artist and title. */
export type SeparatorKind = 'dash' | 'loose' | 'tight' | 'slash' | 'none';

export interface ClassifiedLine {
  /** index of the (first) source line */
  index: number;
  /** the line with whitespace collapsed; continuation lines joined ("Oliver Koletzki," + next line) */
  text: string;
  kind: LineKind;
  /** list number and the exact text around it ("01. ", "1 - ", "#3 "), when the line starts with one */
  number: { value: number; text: string; form: string } | null;
  /** the row without its list number */
  body: string;
  separator: SeparatorKind;
  /** a cue at the start or the end */
  hasCue: boolean;
}

const URL =
  /(?:https?:\/\/|www\.)\S+|(?:^|\s)[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|de|co|uk|fm|tv|to|io|tl|me|ly|be|nl|fr|es|it|info|link|app|page|ffm)(?:\/\S*)?(?=\s|$)/i;
const ONLY_MENTIONS = /^(?:@[\w.-]+[\s,]*)+$/;
/** "#techno #house #dj": hashtags only. */
const ONLY_HASHTAGS = /^(?:#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*[\s,]*)+$/u;
/** "Soundcloud - @musicmichon": a profile link written as a row. */
const MENTION_AFTER_DASH = /\s[-\u2010-\u2015\u2212:]\s*@[\w.-]+$/;
const TRACKLIST_HEADING = /^[\W_]*(?:track\s*-?\s*list(?:ing)?|tracks|set\s*-?\s*list|play\s*-?\s*list|tl)[\W_]*$/i;
const ENDS_WITH_TRACKLIST = /\btrack\s*-?\s*list(?:ing)?\s*:\s*$/i;
const PART_HEADING =
  /^[\W_]*(?:(?:cd|disc|disk|part|pt\.?|hour|side|set|mix|vol\.?|volume)\s*(?:[0-9]{1,2}|[ivx]{1,4}|[a-d])\b|(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?:hour|half|part|set)\b)/i;
const DASH = /\s[-\u2010-\u2015\u2212]\s/;
const LOOSE = /\s[-\u2010-\u2015\u2212](?=\S)|(?<=\S)[-\u2010-\u2015\u2212]\s/;
const TIGHT = /[\p{L}\p{N})'’.][-\u2010-\u2015\u2212][\p{L}\p{N}(]/u;
const SLASH = /\s\/\s/;
const BULLET = /^[-*•·\u2013\u2014]\s+(?=\S)/;
/** Lower-case words of running text; track rows rarely have more than two of them. */
const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'from',
  'by',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'it',
  'its',
  'this',
  'that',
  'we',
  'i',
  'you',
  'he',
  'she',
  'they',
  'my',
  'our',
  'his',
  'her',
  'their',
  'me',
  'us',
  'as',
  'but',
  'not',
  'so',
  'if',
  'after',
  'before',
  'who',
  'which',
  'what',
  'when',
  'where',
  'have',
  'has',
  'had',
  'will',
  'would',
  'can',
  'could',
  'all',
  'more',
  'than',
  'there',
  'here',
  'about',
  'into',
  'just',
  'also',
  'und',
  'der',
  'die',
  'das',
  'ich',
  'mit',
  'für',
  'zum',
  'ein',
  'eine',
  'nur',
  'auf',
  'dem',
  'den',
  'es',
  'war',
]);
/** A line that ends like a sentence and is long: prose even without function words. */
const SENTENCE = /[.!?…]["')]?$/;

/**
 * Two sentences on one line ("… abmelden. Das ließ …"): prose, whatever the language. The word before the stop is
 * three lower-case letters or more and no abbreviation, so "ft. BONDI" or "Mr. V" are no sentence break.
 */
const SENTENCE_BREAK = /(?<![\p{L}.])(?!(?:feat|prod|vol|incl|orig)\.)[a-zäöüß]{3,}[.!?] [A-ZÄÖÜ]/u;

function isProse(text: string): boolean {
  const words = text.split(' ');
  const functionWords = words.filter((word) => FUNCTION_WORDS.has(word.replace(/[^\p{L}']/gu, ''))).length;
  if (functionWords >= 4 && functionWords >= 0.2 * words.length) return true;
  if (words.length >= 12 && SENTENCE_BREAK.test(text)) return true;
  return words.length >= 14 && SENTENCE.test(text) && functionWords >= 2;
}

function separatorOf(body: string): SeparatorKind {
  if (DASH.test(body)) return 'dash';
  if (SLASH.test(body)) return 'slash';
  if (LOOSE.test(body)) return 'loose';
  return TIGHT.test(body) ? 'tight' : 'none';
}

/** Splits a description into lines, joins continuation lines ("Oliver Koletzki," / "Niko Schwind, … - Satinka"). */
export function splitDescriptionLines(text: string): Array<{ index: number; text: string }> {
  // U+2028 is not a line break here: SoundCloud texts carry it inside rows ("8. \u2028@tpusemusic - Syd´s Night").
  const raw = text.split(/\r\n|\r|\n/);
  const lines: Array<{ index: number; text: string }> = [];
  for (let index = 0; index < raw.length; index += 1) {
    let line = collapseWhitespace(decodeHtmlEntities((raw[index] ?? '').slice(0, MAX_LINE_CHARS * 2)));
    const start = index;
    // A credit cut in two: the line ends with a joiner and the next line goes on (no blank line between).
    while (
      /(?:,|\s&|\sand|\sfeat\.?|\sft\.?)$/i.test(line) &&
      line.length < MAX_LINE_CHARS &&
      collapseWhitespace(raw[index + 1] ?? '') !== ''
    ) {
      index += 1;
      line = `${line} ${collapseWhitespace(decodeHtmlEntities((raw[index] ?? '').slice(0, MAX_LINE_CHARS * 2)))}`;
    }
    lines.push({ index: start, text: line });
  }
  return lines;
}

/** Classifies one line. `bareNumbers` reads "12 Artist - Title" as numbered (only inside a numbered list). */
export function classifyLine(index: number, text: string, bareNumbers = false): ClassifiedLine {
  const base: ClassifiedLine = { index, text, kind: 'other', number: null, body: text, separator: 'none', hasCue: false };
  if (text === '') return { ...base, kind: 'blank' };
  if (text.length > MAX_LINE_CHARS) return base;
  // Links, handles and hashtags are skipped inside a tracklist, never rows and never the end of one.
  if (URL.test(text) || ONLY_MENTIONS.test(text) || MENTION_AFTER_DASH.test(text) || ONLY_HASHTAGS.test(text)) {
    return { ...base, kind: 'link' };
  }
  if (TRACKLIST_HEADING.test(text) || ENDS_WITH_TRACKLIST.test(text)) return { ...base, kind: 'tracklist-heading' };
  if (text.startsWith(';') && text.length > 1) return { ...base, kind: 'part-heading' };
  const numbered = readListNumber(text, { bare: bareNumbers });
  const number =
    numbered.number === null
      ? null
      : {
          value: numbered.number,
          text: /[0-9]+/.exec(text)?.[0] ?? String(numbered.number),
          form: text.slice(0, text.length - numbered.rest.length).replace(/[0-9]+/, ''),
        };
  const body = numbered.rest.replace(BULLET, '');
  const leading = takeLeadingCue(body);
  const hasCue = leading.cue !== null || takeTrailingCue(body).cue !== null;
  const separator = separatorOf(leading.rest);
  const line = { ...base, number, body, separator, hasCue };
  if (isProse(text)) return line;
  if ((PART_HEADING.test(text) || (text.endsWith(':') && text.length <= 80)) && number === null) return { ...line, kind: 'part-heading' };
  if (text.endsWith(':')) return line;
  // A hyphen inside a long line ("@3000-grad Festival") is a word's, not an artist/title separator.
  const weak = (separator === 'tight' || separator === 'loose') && text.split(' ').length > 12;
  if (number !== null || hasCue || (separator !== 'none' && !weak)) return { ...line, kind: 'row' };
  return line;
}
