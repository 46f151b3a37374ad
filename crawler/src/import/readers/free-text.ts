/**
 * CUE sheets and plain-text tracklists: one tracklist per file, with an optional header naming the DJ, the date,
 * the title and where the list came from. The parsers that read them are the free-text reader's (@songnodes/parsing, parsing/src/free-text);
 * this file only gives each parsed list its identity (the given source URL canonicalised, else a hash of the text)
 * and its evidence.
 */
import type { ParsedSetlist } from '@songnodes/parsing';
import { parseCueSheet, readTextFileHeader, readTextTracklistFile, type TextSetlist } from '@songnodes/parsing';
import { freeTextIdentity, sha256Hex, withImportSource } from '../source-identity';
import type { ImportFile, ReadResult } from '../types';

/** What a free-text parser reads from one file; identity (source, sourceUrl, sourceId) is the importer's. */
export type FreeTextSetlist = Omit<ParsedSetlist, 'source' | 'sourceUrl' | 'sourceId'> & {
  /** a source URL the text gives (a header line, the CUE sheet's REM), as written; null when none */
  givenUrl: string | null;
};

/** Pure: the whole file's text in, one tracklist out; never throws (status 'error' with a reason instead). */
export type FreeTextParser = (text: string, options: { fileName: string }) => FreeTextSetlist;

export type FreeTextFormat = 'cue' | 'text';

/** A text reader's record as a setlist of its own: `ok` with rows, else `empty` and why. */
function asFreeTextSetlist(read: TextSetlist, fileName: string, givenUrl: string | null): FreeTextSetlist {
  const rows = read.parts.reduce((n, part) => n + part.rows.length, 0);
  return {
    title: read.title ?? fileName.replace(/\.[^.]+$/, ''),
    djs: read.djs,
    event: read.event,
    venue: read.venue,
    location: read.location,
    dateText: read.dateText,
    date: read.date,
    status: rows > 0 ? 'ok' : 'empty',
    statusReason: rows > 0 ? null : 'no tracklist found in the text',
    parts: read.parts,
    warnings: read.warnings,
    givenUrl,
  };
}

/** A "URL:" / "Source:" / "Link:" header line of a text file, or a CUE sheet's `REM URL …` line. */
function givenUrlOf(fields: Record<string, string>): string | null {
  return fields.url ?? fields.source ?? fields.link ?? null;
}

/**
 * The parsers behind `--format cue` and `--format text`: the free-text reader's (@songnodes/parsing, parsing/src/free-text). A
 * parser may be null (a build without it): `crawl import` then refuses those files with "format not available",
 * records nothing, and a later run with the parser in place imports them.
 */
export const FREE_TEXT_PARSERS: Record<FreeTextFormat, FreeTextParser | null> = {
  cue: (text, { fileName }) => {
    const remUrl = /^\s*REM\s+(?:URL|SOURCE|LINK)\s+"?(\S+?)"?\s*$/im.exec(text)?.[1] ?? null;
    return asFreeTextSetlist(parseCueSheet(text), fileName, remUrl);
  },
  text: (text, { fileName }) => asFreeTextSetlist(readTextTracklistFile(text), fileName, givenUrlOf(readTextFileHeader(text).fields)),
};

/** Why a format cannot be imported with this build, or null. */
export function freeTextUnavailable(format: FreeTextFormat, parsers = FREE_TEXT_PARSERS): string | null {
  return parsers[format] === null ? `format "${format}" is not available yet: its parser is not part of this build` : null;
}

const CONTENT_TYPES: Record<FreeTextFormat, string> = { cue: 'application/x-cue', text: 'text/plain' };

/** A reader for one free-text format, given its parser. */
export function freeTextReader(format: FreeTextFormat, parser: FreeTextParser) {
  return (file: ImportFile): ReadResult => ({
    entries: [
      {
        key: 'file',
        line: 1,
        source: format,
        body: file.text,
        contentType: CONTENT_TYPES[format],
        sha256: sha256Hex(`${format}\n${file.name}\n${file.text}`),
        parse: () => {
          const { givenUrl, ...read } = parser(file.text, { fileName: file.name });
          const identity = freeTextIdentity(file.text, givenUrl);
          return withImportSource({ ...read, source: 'mixesdb', sourceUrl: identity.sourceUrl, sourceId: identity.sourceId }, format);
        },
      },
    ],
    refused: [],
  });
}
