/** Text readers with no crawl of their own: pasted or uploaded tracklists (the import uses them). */
export { readFreeTextTracklist, type FreeTextTracklist } from './read-free-text';
export { parseCueSheet } from './parse-cue-sheet';
export { readTextFileHeader, readTextTracklistFile, type TextFileHeader } from './read-text-file';
export type { TextSetlist } from './text-setlist';
