/**
 * What `crawl import` reads: a file turns into entries (one setlist each), every entry carries the text stored as
 * its bronze evidence and a pure parse of that text. Readers are pure too (text in, entries out, no I/O).
 */
import type { ParsedSetlist } from '@songnodes/parsing';

export const IMPORT_FORMATS = ['mixesdb-wikitext', 'mixesdb-csv', '1001tracklists-html', 'cue', 'text'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** A source an imported setlist can belong to: a crawled site, or one of the two that have no site. */
export type ImportSource = ParsedSetlist['source'] | 'text' | 'cue';

/** One file as read from disk. */
export interface ImportFile {
  /** the path as given (absolute after resolving) */
  path: string;
  /** the file name, used in evidence URLs and as a `.wiki` file's page title */
  name: string;
  text: string;
}

/** One setlist's worth of a file. */
export interface ImportEntry {
  /** stable within the file: a JSON key, a CSV mix_url, `file` for one-setlist files */
  key: string;
  /** 1-based line of the file where the entry starts, when known */
  line: number | null;
  source: ImportSource;
  /** the evidence stored as bronze.pages.body: the entry's own text as found in the file */
  body: string;
  contentType: string;
  /** hash of everything `parse` reads (body and the metadata beside it): equal hashes, equal setlists */
  sha256: string;
  /** pure: the entry's setlist, with its real source identity; status 'error' when it cannot be read */
  parse(): ParsedSetlist;
}

/** Part of a file that could not become an entry (a broken CSV row, a JSON value that is no page). */
export interface RefusedEntry {
  key: string;
  line: number | null;
  reason: string;
}

/** What a reader makes of one file. */
export interface ReadResult {
  entries: ImportEntry[];
  refused: RefusedEntry[];
}

/** Reads one format; throws nothing (a file it cannot read at all gives one refusal). */
export type ImportReader = (file: ImportFile) => ReadResult;
