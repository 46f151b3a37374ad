/**
 * `--format auto`: the format of a file from its extension, checked against its first bytes (a `.json` that is no
 * object, an `.html` page that is not 1001tracklists'). A file of an unknown extension is sniffed: CUE commands,
 * a `== Tracklist ==` heading, a CSV header with a `raw` column; anything else readable is a plain-text tracklist.
 */
import type { ImportFormat } from './types';

export type Detection = { format: ImportFormat } | { format: null; reason: string };

const CUE_COMMAND = /^\s*(?:REM|PERFORMER|TITLE|FILE|TRACK\s+\d+\s+AUDIO|INDEX\s+\d+)\b/im;
const CUE_TRACK = /^\s*TRACK\s+\d+\s+AUDIO\b/im;
const WIKI_TRACKLIST = /^==\s*Tracklist\s*==\s*$/im;
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;

/** Files a folder import passes over without a word: notes beside the data, hidden files. */
export function isIgnoredInFolder(name: string): boolean {
  return name.startsWith('.') || /^(SOURCE|README|LICEN[CS]E|NOTICE)(\.|$)/i.test(name) || /\.(md|gz|zip|png|jpe?g|pdf)$/i.test(name);
}

/** A first line of comma-separated names with a `raw` or `mix_url` column. */
function isCsvHeader(head: string): boolean {
  const columns = (head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '').split(',').map((c) => c.trim().toLowerCase());
  return columns.length > 1 && (columns.includes('raw') || columns.includes('mix_url'));
}

export function detectFormat(name: string, head: string): Detection {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (BINARY.test(head)) return { format: null, reason: 'binary content, not a tracklist' };
  switch (extension) {
    case 'json':
      return /^\ufeff?\s*\{/.test(head)
        ? { format: 'mixesdb-wikitext' }
        : { format: null, reason: 'a .json file that is not an object of MixesDB pages' };
    case 'wiki':
    case 'wikitext':
    case 'mediawiki':
      return { format: 'mixesdb-wikitext' };
    case 'csv':
      return { format: 'mixesdb-csv' };
    case 'htm':
    case 'html':
      return /1001tracklists/i.test(head) || /1001tracklists/i.test(name)
        ? { format: '1001tracklists-html' }
        : { format: null, reason: 'an HTML page that is not a saved 1001tracklists page' };
    case 'cue':
      return { format: 'cue' };
    default:
      if (CUE_TRACK.test(head) && CUE_COMMAND.test(head)) return { format: 'cue' };
      if (WIKI_TRACKLIST.test(head)) return { format: 'mixesdb-wikitext' };
      if (isCsvHeader(head)) return { format: 'mixesdb-csv' };
      if (/^\s*</.test(head)) return { format: null, reason: 'markup of unknown kind' };
      return { format: 'text' };
  }
}
