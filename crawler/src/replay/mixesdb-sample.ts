/**
 * The bundled local sample of real MixesDB tracklists: the CSV fixtures in src/sources/mixesdb/fixtures (257 mixes,
 * origin in SOURCE.md there) read as rows and rebuilt as MediaWiki pages, which the replay server serves to the
 * real crawler (tests, benchmarks, the sample crawl of `npm start`). Not live data: a stored sample.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const MIXESDB_FIXTURES_DIR = join(__dirname, '..', '..', 'src', 'sources', 'mixesdb', 'fixtures');

/** The one file without mix_title/mix_url columns; upstream says it is 2006-08-16 Richie Hawtin @ Cocorico. */
export const MIXLESS_CSV_FILE = 'tracklist.csv';

/** One CSV row, as written (columns `mix_title,mix_url,part,position,timestamp,artist,title,raw`). */
export interface MixesdbCsvRow {
  file: string;
  /** null only in tracklist.csv, which has no mix columns */
  mixTitle: string | null;
  mixUrl: string | null;
  part: string;
  position: number;
  timestamp: string;
  artist: string;
  title: string;
  raw: string;
}

/** One mix: its rows in file order, pooled across files and de-duplicated by mix_url. */
export interface MixesdbCsvMix {
  mixTitle: string;
  mixUrl: string;
  /** every fixture file that holds this mix (shared mixes appear in two DJs' files) */
  files: string[];
  rows: MixesdbCsvRow[];
}

/** The CSV fixture file names, sorted. */
export function listMixesdbCsvFiles(): string[] {
  return readdirSync(MIXESDB_FIXTURES_DIR)
    .filter((name) => name.endsWith('.csv'))
    .sort();
}

/** Reads one fixture file. */
export function readMixesdbCsvFile(file: string): MixesdbCsvRow[] {
  const records = parse(readFileSync(join(MIXESDB_FIXTURES_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string | undefined>[];
  return records.map((record) => ({
    file,
    mixTitle: record.mix_title ?? null,
    mixUrl: record.mix_url ?? null,
    part: record.part ?? '',
    position: Number(record.position),
    timestamp: record.timestamp ?? '',
    artist: record.artist ?? '',
    title: record.title ?? '',
    raw: record.raw ?? '',
  }));
}

/**
 * Every mix in the fixtures, first-seen order, de-duplicated by mix_url (SOURCE.md: three mixes sit in two
 * files with identical rows; the first file's copy is kept). tracklist.csv is left out: it has no mix_url.
 */
export function loadMixesdbCsvMixes(): MixesdbCsvMix[] {
  const mixes = new Map<string, MixesdbCsvMix>();
  for (const file of listMixesdbCsvFiles()) {
    if (file === MIXLESS_CSV_FILE) continue;
    const fileMixes = new Map<string, MixesdbCsvRow[]>();
    for (const row of readMixesdbCsvFile(file)) {
      if (row.mixUrl === null || row.mixTitle === null) throw new Error(`${file}: row without mix_url`);
      fileMixes.set(row.mixUrl, [...(fileMixes.get(row.mixUrl) ?? []), row]);
    }
    for (const [mixUrl, rows] of fileMixes) {
      const known = mixes.get(mixUrl);
      if (known) known.files.push(file);
      else mixes.set(mixUrl, { mixTitle: rows[0]?.mixTitle ?? mixUrl, mixUrl, files: [file], rows });
    }
  }
  return [...mixes.values()];
}

/** The wikitext page title for a mix URL: "https://www.mixesdb.com/w/2017-12-08_-_DVS1" -> "2017-12-08 - DVS1". */
export function pageTitleFromMixUrl(mixUrl: string): string {
  const path = mixUrl.replace(/^https?:\/\/[^/]+\/w\//, '');
  return decodeURIComponent(path).replace(/_/g, ' ');
}

/**
 * A MediaWiki page holding the mix's tracklist as MixesDB writes it: a `== Tracklist ==` section, a `;Part`
 * line whenever the (non-empty) part changes, rows as `# [timestamp] raw` (`# raw` without a timestamp), and a
 * following `== Comments ==` section so that the section end is exercised.
 */
export function buildWikitextFromRows(mix: Pick<MixesdbCsvMix, 'mixTitle' | 'rows'>): string {
  const lines = [`'''${mix.mixTitle}'''`, '', '== Tracklist =='];
  let currentPart = '';
  for (const row of mix.rows) {
    if (row.part !== currentPart && row.part !== '') lines.push(`;${row.part}`);
    currentPart = row.part;
    lines.push(row.timestamp === '' ? `# ${row.raw}` : `# [${row.timestamp}] ${row.raw}`);
  }
  lines.push('', '== Comments ==', 'Tracklist rebuilt from the CSV fixture rows.', '');
  return lines.join('\n');
}

/** Every mix of the sample as a wikitext page, by page title (what the replay server's MixesDB origin serves). */
export function mixesdbSamplePages(): Map<string, string> {
  return new Map(loadMixesdbCsvMixes().map((mix) => [pageTitleFromMixUrl(mix.mixUrl), buildWikitextFromRows(mix)]));
}
