/**
 * MixesDB pages as wikitext: a JSON map `"/w/<Page_title>": {tracklist: "<whole raw wikitext>", …}` (the shape of
 * data/mixesdb-wikitext/essential-mix-1993-2009.json; a plain string value is the wikitext too), or one `.wiki` file
 * per page whose name is the page title. The evidence is the page's raw wikitext, byte for byte what MixesDB's
 * `action=raw` serves, so an imported page and a crawled one store the same body and parse to the same setlist.
 */
import { parseMixesdbWikitext } from '../../sources/mixesdb/parse-wikitext';
import { mixesdbCanonicalUrl, mixesdbTitleFromKey, sha256Hex } from '../source-identity';
import type { ImportEntry, ImportFile, ReadResult, RefusedEntry } from '../types';

const CONTENT_TYPE = 'text/x-wiki';

/** An entry for one page: parse reads the wikitext and the title, so both are hashed. */
export function mixesdbPageEntry(key: string, line: number | null, title: string, wikitext: string): ImportEntry {
  return {
    key,
    line,
    source: 'mixesdb',
    body: wikitext,
    contentType: CONTENT_TYPE,
    sha256: sha256Hex(`mixesdb-wikitext\n${title}\n${wikitext}`),
    parse: () => parseMixesdbWikitext(wikitext, { sourceUrl: mixesdbCanonicalUrl(title), pageTitle: title }),
  };
}

/** The wikitext a JSON value holds: `{tracklist: "…"}` (also `wikitext`/`text`), or the string itself. */
function wikitextOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  const text = record.tracklist ?? record.wikitext ?? record.text;
  return typeof text === 'string' ? text : null;
}

/** Line numbers of the keys, found in file order (JSON.parse keeps string keys in that order). */
function keyLines(text: string, keys: string[]): Map<string, number> {
  const lines = new Map<string, number>();
  let offset = 0;
  let line = 1;
  for (const key of keys) {
    const at =
      text.indexOf(`${JSON.stringify(key)}:`, offset) >= 0
        ? text.indexOf(`${JSON.stringify(key)}:`, offset)
        : text.indexOf(JSON.stringify(key), offset);
    if (at < 0) continue;
    for (let i = offset; i < at; i++) if (text.charCodeAt(i) === 10) line += 1;
    offset = at;
    lines.set(key, line);
  }
  return lines;
}

/** A JSON map of pages. */
export function readMixesdbJson(file: ImportFile): ReadResult {
  let map: unknown;
  try {
    map = JSON.parse(file.text);
  } catch (error) {
    return { entries: [], refused: [{ key: 'file', line: null, reason: `not JSON: ${(error as Error).message}` }] };
  }
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    return { entries: [], refused: [{ key: 'file', line: 1, reason: 'not a JSON object of MixesDB page title -> wikitext' }] };
  }
  const keys = Object.keys(map);
  const lines = keyLines(file.text, keys);
  const entries: ImportEntry[] = [];
  const refused: RefusedEntry[] = [];
  for (const key of keys) {
    const line = lines.get(key) ?? null;
    const title = mixesdbTitleFromKey(key);
    const wikitext = wikitextOf((map as Record<string, unknown>)[key]);
    if (title === null) refused.push({ key, line, reason: 'key is not a MixesDB page title' });
    else if (wikitext === null)
      refused.push({ key, line, reason: 'value has no wikitext (a string, or an object with a "tracklist" string)' });
    else entries.push(mixesdbPageEntry(key, line, title, wikitext));
  }
  return { entries, refused };
}

/** One `.wiki` file: its name (without the extension, underscores or %-escapes allowed) is the page title. */
export function readWikiFile(file: ImportFile): ReadResult {
  const title = mixesdbTitleFromKey(file.name.replace(/\.(wiki|wikitext|mediawiki)$/i, ''));
  if (title === null) return { entries: [], refused: [{ key: 'file', line: null, reason: 'file name is not a MixesDB page title' }] };
  return { entries: [mixesdbPageEntry('file', 1, title, file.text)], refused: [] };
}

/** Either shape, by what the file holds. */
export function readMixesdbWikitext(file: ImportFile): ReadResult {
  return /^\s*\{/.test(file.text.slice(0, 1024)) && /\.json$/i.test(file.name) ? readMixesdbJson(file) : readWikiFile(file);
}
