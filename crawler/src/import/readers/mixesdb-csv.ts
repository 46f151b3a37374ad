/**
 * MixesDB CSV exports (columns `mix_title,mix_url,part,position,timestamp,artist,title,raw`, the shape of
 * crawler/src/sources/mixesdb/fixtures/*.csv): one entry per mix_url, in file order. The rows are written back as
 * the page's tracklist (`;Part` lines, `# [cue] raw` rows) and read by the MixesDB wikitext parser, exactly as the
 * replay server serves the same rows to a crawl, so an imported CSV mix and a crawled copy are one setlist.
 *
 * A file without the mix columns (`part,position,timestamp,artist,title,raw`, like fixtures/tracklist.csv) names no
 * page: it is one tracklist of source `text`, identified by a hash of its rows.
 *
 * A record csv-parse cannot read (an unclosed quote, a wrong number of fields) is refused with its line. The mix
 * around it is refused too when the record sat between two of its rows: storing the rest would invent a
 * transition across the lost row.
 */
import { parse } from 'csv-parse/sync';
import { buildWikitextFromRows, type MixesdbCsvRow } from '../../replay/mixesdb-sample';
import { parseMixesdbWikitext } from '../../sources/mixesdb/parse-wikitext';
import { freeTextIdentity, mixesdbCanonicalUrl, mixesdbTitleFromKey, sha256Hex, withImportSource } from '../source-identity';
import type { ImportEntry, ImportFile, ReadResult, RefusedEntry } from '../types';

const CONTENT_TYPE = 'text/csv';
const REQUIRED = ['position', 'raw'];

interface CsvRecord {
  row: MixesdbCsvRow;
  line: number;
  raw: string;
}

function startLine(endLine: number, raw: string): number {
  return endLine - (raw.trim().match(/\n/g)?.length ?? 0);
}

/** A record csv-parse could not read, with its text. */
type Skipped = RefusedEntry & { raw: string };

function readRecords(file: ImportFile): { header: string; records: CsvRecord[]; skippedLines: Skipped[]; columns: string[] } {
  const skippedLines: Skipped[] = [];
  const parsed = parse(file.text.replace(/^\ufeff/, ''), {
    columns: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      const line = typeof error?.lines === 'number' ? startLine(error.lines, raw ?? '') : null;
      const reason = `unreadable CSV record: ${error?.message ?? 'unknown error'} (${JSON.stringify((raw ?? '').slice(0, 120))})`;
      skippedLines.push({ key: `line ${line ?? '?'}`, line, reason, raw: raw ?? '' });
      return undefined;
    },
  }) as { record: Record<string, string | undefined>; raw: string; info: { lines: number; columns: { name: string }[] } }[];
  const header = file.text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = parsed[0]?.info.columns.map((c) => c.name) ?? header.split(',');
  const records = parsed.map(({ record, raw, info }) => ({
    line: startLine(info.lines, raw),
    raw: raw.replace(/^(\r?\n)+/, ''),
    row: {
      file: file.name,
      mixTitle: record.mix_title ?? null,
      mixUrl: record.mix_url ?? null,
      part: record.part ?? '',
      position: Number(record.position),
      timestamp: record.timestamp ?? '',
      artist: record.artist ?? '',
      title: record.title ?? '',
      raw: record.raw ?? '',
    },
  }));
  return { header, records, skippedLines, columns };
}

/**
 * Why a mix's rows cannot be stored as they are, or null. An unreadable record is the mix's when it sits between
 * two of its rows or its text names the mix's URL (an unclosed quote swallows the rows after it).
 */
function mixProblem(records: CsvRecord[], skipped: Skipped[], mixUrl: string | null): string | null {
  const bad = records.find((r) => !Number.isInteger(r.row.position) || r.row.position < 1);
  if (bad) return `line ${bad.line}: position "${bad.raw.split(',')[3] ?? ''}" is not a positive whole number`;
  const first = records[0]?.line ?? 0;
  const last = records[records.length - 1]?.line ?? 0;
  const lost = skipped.find((s) => (s.line !== null && s.line > first && s.line < last) || (mixUrl !== null && s.raw.includes(mixUrl)));
  return lost ? `line ${lost.line} of this mix is unreadable: storing the rest would invent a transition across it` : null;
}

function mixEntry(header: string, mixUrl: string, records: CsvRecord[]): ImportEntry | RefusedEntry {
  const line = records[0]?.line ?? null;
  const title = mixesdbTitleFromKey(mixUrl);
  if (title === null) return { key: mixUrl, line, reason: 'mix_url is not a MixesDB page URL' };
  const body = [header, ...records.map((r) => r.raw.replace(/\r?\n$/, ''))].join('\n');
  const wikitext = buildWikitextFromRows({ mixTitle: records[0]?.row.mixTitle ?? title, rows: records.map((r) => r.row) });
  return {
    key: mixUrl,
    line,
    source: 'mixesdb',
    body,
    contentType: CONTENT_TYPE,
    sha256: sha256Hex(`mixesdb-csv\n${title}\n${body}`),
    parse: () => parseMixesdbWikitext(wikitext, { sourceUrl: mixesdbCanonicalUrl(title), pageTitle: title }),
  };
}

/** A file without mix columns: one tracklist, source `text`, named after the file. */
function fileEntry(file: ImportFile, header: string, records: CsvRecord[]): ImportEntry {
  const body = [header, ...records.map((r) => r.raw.replace(/\r?\n$/, ''))].join('\n');
  const name = file.name.replace(/\.csv$/i, '');
  const identity = freeTextIdentity(body, null);
  const wikitext = buildWikitextFromRows({ mixTitle: name, rows: records.map((r) => r.row) });
  return {
    key: 'file',
    line: records[0]?.line ?? null,
    source: 'text',
    body,
    contentType: CONTENT_TYPE,
    sha256: sha256Hex(`mixesdb-csv\n${body}`),
    parse: () => {
      const read = parseMixesdbWikitext(wikitext, { sourceUrl: identity.sourceUrl, pageTitle: name });
      // The file name is no MixesDB title: it names no DJ, date or venue.
      return withImportSource(
        {
          ...read,
          sourceId: identity.sourceId,
          title: name,
          djs: [],
          event: null,
          venue: null,
          location: null,
          dateText: null,
          date: null,
        },
        'text',
      );
    },
  };
}

export function readMixesdbCsv(file: ImportFile): ReadResult {
  let read: ReturnType<typeof readRecords>;
  try {
    read = readRecords(file);
  } catch (error) {
    return { entries: [], refused: [{ key: 'file', line: null, reason: `not a readable CSV file: ${(error as Error).message}` }] };
  }
  const { header, records, skippedLines, columns } = read;
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) return { entries: [], refused: [{ key: 'file', line: 1, reason: `CSV header lacks ${missing.join(', ')}` }] };
  const refused: RefusedEntry[] = skippedLines.map(({ raw: _raw, ...r }) => r);
  if (!columns.includes('mix_url')) {
    if (records.length === 0) return { entries: [], refused: [...refused, { key: 'file', line: null, reason: 'no rows' }] };
    const problem = mixProblem(records, skippedLines, null);
    return problem
      ? { entries: [], refused: [...refused, { key: 'file', line: records[0]?.line ?? null, reason: problem }] }
      : { entries: [fileEntry(file, header, records)], refused };
  }
  const mixes = new Map<string, CsvRecord[]>();
  for (const record of records) {
    const url = record.row.mixUrl?.trim() ?? '';
    if (url === '') refused.push({ key: `line ${record.line}`, line: record.line, reason: 'row without mix_url' });
    else {
      const rows = mixes.get(url) ?? [];
      if (rows.length === 0) mixes.set(url, rows);
      rows.push(record);
    }
  }
  const entries: ImportEntry[] = [];
  for (const [mixUrl, mixRecords] of mixes) {
    const problem = mixProblem(mixRecords, skippedLines, mixUrl);
    const entry = problem ? { key: mixUrl, line: mixRecords[0]?.line ?? null, reason: problem } : mixEntry(header, mixUrl, mixRecords);
    if ('parse' in entry) entries.push(entry);
    else refused.push(entry);
  }
  return { entries, refused };
}
