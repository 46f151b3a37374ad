/**
 * @songnodes/parsing — pure tracklist parsing, shared by the crawler (every source), the API (previewing and
 * importing a pasted tracklist) and the explorer. Text in, plain records out: no I/O, never throws, linear in its
 * input (each module states its bound). How rows are read, with the real lines behind each rule: docs/parsing.md.
 */
export * from './types';
export * from './track-line';
export * from './artist-credit';
export * from './brackets';
export * from './cue';
export * from './identity';
export * from './label';
export * from './layered';
export * from './line-style';
export * from './numbering';
export * from './setlist-record';
export * from './setlist-title';
export * from './text';
export * from './title-side';
export * from './version';
export * from './free-text';
export {
  classifyLine,
  splitDescriptionLines,
  MAX_LINE_CHARS,
  type ClassifiedLine,
  type LineKind,
  type SeparatorKind,
} from './free-text/classify-lines';
export { isoDateOf, dateInText, readDjsAndPlace } from './free-text/text-setlist';
