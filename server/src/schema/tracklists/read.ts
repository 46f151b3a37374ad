import { isValidArtistCredit } from '@songnodes/contracts';
import { readFreeTextTracklist, readTextFileHeader, type ParsedTrackLine } from '@songnodes/parsing';
import { badInput } from '../../errors';
import { requireDate } from '../explore/lens';

/** The longest text previewTracklist and importTracklist take. */
export const MAX_TRACKLIST_CHARS = 100_000;
const MAX_DJS = 10;
const MAX_NAME_CHARS = 200;

export function requireTracklistText(text: string): string {
  if (text.length > MAX_TRACKLIST_CHARS) {
    throw badInput(
      `text must be at most ${MAX_TRACKLIST_CHARS.toLocaleString('en')} characters (got ${text.length.toLocaleString('en')})`,
      'text',
    );
  }
  if (text.trim() === '') throw badInput('text is empty: paste a tracklist, one track per line', 'text');
  return text;
}

/** One line of a header field: white space collapsed; line breaks and control characters refused. */
function oneLine(argument: string, value: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) throw badInput(`${argument} must be one line without control characters`, argument);
  const text = value.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > max) throw badInput(`${argument} must be 1-${max} characters`, argument);
  return text;
}

/** The preview: the block the free-text reader finds (after any "DJ:"/"Date:" header lines), each row taken apart. */
export function previewTracklist(text: string) {
  const header = readTextFileHeader(text);
  const found = readFreeTextTracklist(header.body);
  if (!found) return { found: false, firstLine: null, lastLine: null, parts: [], warnings: ['no tracklist found in the text'] };
  const row = (r: ParsedTrackLine) => ({
    raw: r.raw,
    cue: r.cue,
    artist: r.artist,
    title: r.title,
    version: r.version,
    label: r.label,
    featured: r.featured,
    remixers: r.remixers,
    unidentified: r.unidentified,
    layered: r.layered,
    warnings: r.warnings,
  });
  return {
    found: true,
    firstLine: found.firstLine + header.bodyStartLine,
    lastLine: found.lastLine + header.bodyStartLine,
    parts: found.parts.map((part) => ({ name: part.name, rows: part.rows.map(row) })),
    warnings: found.warnings,
  };
}

/**
 * importTracklist's arguments as the text file `crawl import --format text` reads: "DJ:", "Date:", "Title:", "URL:"
 * header lines, a blank line, then the paste. Refuses what could not be imported, with a message that says why.
 */
export function tracklistFile(args: {
  text: string;
  djs: readonly string[];
  date?: string | null;
  title?: string | null;
  sourceUrl?: string | null;
}) {
  const text = requireTracklistText(args.text);
  if (args.djs.length === 0 || args.djs.length > MAX_DJS) throw badInput(`djs must name 1-${MAX_DJS} DJs (got ${args.djs.length})`, 'djs');
  const djs = args.djs.map((name) => {
    const dj = oneLine('djs', name, MAX_NAME_CHARS);
    if (!isValidArtistCredit(dj)) throw badInput(`"${dj}" is not a DJ a setlist could name (unknown, various or ID)`, 'djs');
    return dj;
  });
  const date = args.date != null ? requireDate('date', args.date) : null;
  const title = args.title != null && args.title.trim() !== '' ? oneLine('title', args.title, 300) : null;
  let sourceUrl: string | null = null;
  if (args.sourceUrl != null && args.sourceUrl.trim() !== '') {
    const given = args.sourceUrl.trim();
    let url: URL | null = null;
    try {
      url = new URL(given);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || given.length > 2000 || /\s/.test(given)) {
      throw badInput('sourceUrl must be an http(s) URL of at most 2,000 characters', 'sourceUrl');
    }
    sourceUrl = url.toString();
  }
  if (!readFreeTextTracklist(readTextFileHeader(text).body)) {
    throw badInput('no tracklist found in the text: write one track per line, e.g. "Robert Hood - Minus"', 'text');
  }
  const header = [
    `DJ: ${djs.join(' b2b ')}`,
    ...(date ? [`Date: ${date}`] : []),
    `Title: ${title ?? [date, djs.join(' b2b ')].filter(Boolean).join(' - ')}`,
    ...(sourceUrl ? [`URL: ${sourceUrl}`] : []),
  ];
  return { body: `${header.join('\n')}\n\n${text}`, djs, date, title, sourceUrl };
}
