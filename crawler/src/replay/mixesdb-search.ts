/**
 * A small stand-in for MixesDB's CirrusSearch behind `list=search`: enough of its query syntax and matching for
 * the crawler's queries, with a deterministic result order (by title) so tests can assert pages exactly.
 */
import { collapseWhitespace, foldedWords } from './fold-text';
import { escapeHtml } from './reply';
import type { MixesdbPage } from './mixesdb-pages';

/** The parts of an `srsearch` string this server understands; every part must match. */
export interface MixesdbQuery {
  /** `insource:"…"` phrases, normalised with `normaliseSourcePhrase` */
  sourcePhrases: string[];
  /** other `"…"` phrases, as folded words, matched in the title or the text */
  phrases: string[][];
  /** remaining words, folded; each must occur in the title or the text */
  words: string[];
}

/**
 * Normalises wikitext or a phrase for `insource:` matching: case-insensitive, whitespace collapsed, and an en/em
 * dash (with or without spaces) read as " - ", because MixesDB editors write "Artist – Title" as often as
 * "Artist - Title" and CirrusSearch's tokeniser drops both dashes.
 */
export function normaliseSourcePhrase(text: string): string {
  return collapseWhitespace(text.toLowerCase().replace(/\s*[\u2013\u2014]\s*/g, ' - '));
}

/** Splits an `srsearch` string into insource phrases, quoted phrases and plain words. */
export function parseMixesdbQuery(srsearch: string): MixesdbQuery {
  const sourcePhrases: string[] = [];
  const phrases: string[][] = [];
  const rest = srsearch
    .replace(/insource:(?:"([^"]*)"|(\S+))/gi, (_all, quoted?: string, bare?: string) => {
      const phrase = normaliseSourcePhrase(quoted ?? bare ?? '');
      if (phrase !== '') sourcePhrases.push(phrase);
      return ' ';
    })
    .replace(/"([^"]*)"/g, (_all, quoted: string) => {
      const words = foldedWords(quoted);
      if (words.length > 0) phrases.push(words);
      return ' ';
    });
  return { sourcePhrases, phrases, words: foldedWords(rest) };
}

/** True when the query has nothing to match (MediaWiki rejects such a search). */
export function isEmptyQuery(query: MixesdbQuery): boolean {
  return query.sourcePhrases.length === 0 && query.phrases.length === 0 && query.words.length === 0;
}

function containsPhrase(haystackWords: string[], phrase: string[]): boolean {
  return ` ${haystackWords.join(' ')} `.includes(` ${phrase.join(' ')} `);
}

/** Whether one page satisfies every part of the query. */
export function pageMatchesQuery(page: MixesdbPage, query: MixesdbQuery): boolean {
  const source = normaliseSourcePhrase(page.wikitext);
  if (!query.sourcePhrases.every((phrase) => source.includes(phrase))) return false;
  const titleWords = foldedWords(page.title);
  const textWords = foldedWords(page.wikitext);
  const wordSet = new Set([...titleWords, ...textWords]);
  return (
    query.words.every((word) => wordSet.has(word)) &&
    query.phrases.every((phrase) => containsPhrase(titleWords, phrase) || containsPhrase(textWords, phrase))
  );
}

/** One entry of `query.search` in MediaWiki's response. */
export interface MixesdbSearchHit {
  ns: 0;
  title: string;
  pageid: number;
  size: number;
  wordcount: number;
  snippet: string;
  timestamp: string;
}

function toHit(page: MixesdbPage): MixesdbSearchHit {
  const text = collapseWhitespace(page.wikitext);
  return {
    ns: 0,
    title: page.title,
    pageid: page.pageid,
    size: Buffer.byteLength(page.wikitext),
    wordcount: text === '' ? 0 : text.split(' ').length,
    // The real snippet highlights matches with <span class="searchmatch">; the crawler only reads titles.
    snippet: escapeHtml(text.slice(0, 150)),
    timestamp: page.timestamp,
  };
}

/** The body of a successful `action=query&list=search` response, continuation included. */
export function searchMixesdbPages(pages: readonly MixesdbPage[], query: MixesdbQuery, offset: number, limit: number): object {
  const matches = pages.filter((page) => pageMatchesQuery(page, query));
  const next = offset + limit;
  return {
    batchcomplete: '',
    ...(next < matches.length ? { continue: { sroffset: next, continue: '-||' } } : {}),
    query: {
      searchinfo: { totalhits: matches.length },
      search: matches.slice(offset, next).map(toHit),
    },
  };
}
