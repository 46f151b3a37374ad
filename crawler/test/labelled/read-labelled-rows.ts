/**
 * Runs each family's own parser on a labelled record's material and returns the rows it gives for that record:
 * the MixesDB wikitext page parser, the line parser for CSV lines, the free-text reader on a whole description,
 * the CUE sheet parser, the setlist.fm parser and the 1001tracklists page parser. Pages are parsed once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrackRows } from '@songnodes/parsing';
import type { ParsedTrackLine } from '@songnodes/parsing';
import { parse1001Tracklist } from '../../src/sources/1001tracklists/parse-tracklist';
import { readMixesdbRowsByLine } from '../../src/sources/mixesdb/parse-wikitext';
import { parseSetlistfmSearch, parseSetlistfmSetlist } from '../../src/sources/setlistfm/parse-setlists';
import { parseCueSheet } from '@songnodes/parsing';
import { readFreeTextTracklist } from '@songnodes/parsing';
import { REPO_ROOT, type LabelledRecord } from './labelled-set';

const texts = new Map<string, string>();
const pages = new Map<string, unknown>();

function readText(path: string): string {
  let text = texts.get(path);
  if (text === undefined) {
    text = readFileSync(join(REPO_ROOT, path), 'utf8');
    texts.set(path, text);
  }
  return text;
}

function cached<T>(key: string, parse: () => T): T {
  if (!pages.has(key)) pages.set(key, parse());
  return pages.get(key) as T;
}

/** "crawler/fixtures/x.json#/w/Key" -> the page's text; a JSON object of pages holds `{ tracklist }` per key. */
function pageText(page: string): string {
  const [path = '', key] = page.split('#');
  if (key === undefined) return readText(path);
  const pagesInFile = cached(`json:${path}`, () => JSON.parse(readText(path)) as Record<string, { tracklist?: string }>);
  const value = pagesInFile[key];
  if (value?.tracklist === undefined) throw new Error(`${page}: no such page`);
  return value.tracklist;
}

function wikitextRows(record: LabelledRecord): ParsedTrackLine[] {
  const page = record.page ?? '';
  const text = pageText(page);
  const lineText = text.split(/\r\n|\r|\n/)[(record.pageLine ?? 0) - 1];
  if (record.line !== undefined && lineText !== record.line) {
    throw new Error(`${record.origin}: the page's line ${record.pageLine} is "${lineText}", the label names "${record.line}"`);
  }
  return cached(`wikitext:${page}`, () => readMixesdbRowsByLine(text)).get(record.pageLine ?? 0) ?? [];
}

function pageRows(record: LabelledRecord): ParsedTrackLine[] {
  const page = record.page ?? '';
  const rows = cached(`${record.family}:${page}`, (): ParsedTrackLine[] => {
    const text = pageText(page);
    switch (record.family) {
      case 'free-text':
        return readFreeTextTracklist(text)?.parts.flatMap((part) => part.rows) ?? [];
      case 'cue':
        return parseCueSheet(text).parts.flatMap((part) => part.rows);
      case 'setlistfm': {
        const json = JSON.parse(text) as { setlist?: unknown };
        const setlists = Array.isArray(json.setlist) ? parseSetlistfmSearch(json).setlists : [parseSetlistfmSetlist(json)];
        return setlists.flatMap((setlist) => setlist.parts.flatMap((part) => part.rows));
      }
      case '1001tracklists':
        return parse1001Tracklist(text, { sourceUrl: 'https://www.1001tracklists.com/' }).parts.flatMap((part) => part.rows);
      default:
        throw new Error(`${record.origin}: no page parser for the family "${record.family}"`);
    }
  });
  const row = rows[record.row ?? -1];
  return row ? [row] : [];
}

/** The rows the family's parser gives for one record. */
export function readActualRows(record: LabelledRecord): ParsedTrackLine[] {
  if (record.family === 'mixesdb-wikitext' && record.pageLine !== undefined) return wikitextRows(record);
  if (record.page !== undefined && record.row !== undefined) return pageRows(record);
  if (record.line !== undefined) return parseTrackRows(record.line);
  throw new Error(`${record.origin}: neither a line nor a page and row`);
}
