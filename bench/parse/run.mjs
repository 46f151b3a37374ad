#!/usr/bin/env node
// bench/parse: rows per second of each parser on the real material bundled with the crawler, in one process, no I/O
// while measuring. Each input is parsed once to warm up, then RUNS times; the table gives the median run.
// Writes bench/results/parse.json and prints a markdown table. Usage: npm run bench:parse (builds the workspaces first).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CRAWLER = join(ROOT, 'crawler');
const require = createRequire(import.meta.url);
const { parseMixesdbWikitext, parse1001Tracklist, parseSetlistfmSearch, replay } = require('@songnodes/crawler');
const { parseTrackRows, readFreeTextTracklist, parseCueSheet } = require('@songnodes/parsing');
const { loadMixesdbCsvMixes } = replay;

const RUNS = Number(process.env.BENCH_PARSE_RUNS ?? 5);
const read = (path) => readFileSync(join(CRAWLER, path), 'utf8');
const rowsOf = (setlist) => setlist.parts.reduce((sum, part) => sum + part.rows.length, 0);

/** Runs `parseAll` (which returns the rows it read) RUNS times after one warm-up; median rows/s. */
function measure(name, input, items, parseAll) {
  const rows = parseAll();
  const seconds = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    parseAll();
    seconds.push((performance.now() - started) / 1000);
  }
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)];
  return { parser: name, input, items, rows, medianSeconds: Number(median.toFixed(4)), rowsPerSecond: Math.round(rows / median) };
}

const wikitext = Object.entries(JSON.parse(readFileSync(join(CRAWLER, '../data/mixesdb-wikitext/essential-mix-1993-2009.json'), 'utf8')));
const csvLines = loadMixesdbCsvMixes().flatMap((mix) => mix.rows.map((row) => row.raw));
const descriptionDir = '../parsing/src/free-text/fixtures/descriptions';
const descriptions = readdirSync(join(CRAWLER, descriptionDir)).map((file) => read(join(descriptionDir, file)));
const cue = read('../parsing/src/free-text/fixtures/mat-zo-abgt500-2022-10-15.cue');
const tracklistDir = 'src/sources/1001tracklists/fixtures';
const tracklistPages = readdirSync(join(CRAWLER, tracklistDir))
  .filter((file) => file.endsWith('.html') && !/captcha|synthetic/.test(file))
  .map((file) => read(join(tracklistDir, file)));
const setlistfm = read('src/sources/setlistfm/fixtures/phish-setlists-response.json');

const results = [
  measure('parseMixesdbWikitext', 'MixesDB wikitext: 878 real Essential Mix pages (1993-2009)', wikitext.length, () =>
    wikitext.reduce(
      (sum, [key, page]) =>
        sum + rowsOf(parseMixesdbWikitext(page.tracklist, { sourceUrl: `https://www.mixesdb.com${key}`, pageTitle: key.slice(3) })),
      0,
    ),
  ),
  measure('parseTrackRows', 'MixesDB CSV `raw` lines: 257 real mixes', csvLines.length, () =>
    csvLines.reduce((sum, line) => sum + parseTrackRows(line).length, 0),
  ),
  measure(
    'readFreeTextTracklist',
    'free text: 21 real SoundCloud descriptions, whole (prose included), x20',
    descriptions.length * 20,
    () => {
      let sum = 0;
      for (let copy = 0; copy < 20; copy += 1) for (const text of descriptions) sum += rowsOf(readFreeTextTracklist(text) ?? { parts: [] });
      return sum;
    },
  ),
  measure('parseCueSheet', 'CUE sheet: the real 12-track Mat Zo sheet, x500', 500, () => {
    let sum = 0;
    for (let copy = 0; copy < 500; copy += 1) sum += rowsOf(parseCueSheet(cue));
    return sum;
  }),
  measure(
    'parse1001Tracklist',
    `1001tracklists: ${tracklistPages.length} real page(s) in the crawler fixtures, x10`,
    tracklistPages.length * 10,
    () => {
      let sum = 0;
      for (let copy = 0; copy < 10; copy += 1)
        for (const html of tracklistPages) sum += rowsOf(parse1001Tracklist(html, { sourceUrl: 'https://www.1001tracklists.com/' }));
      return sum;
    },
  ),
  measure('parseSetlistfmSearch', 'setlist.fm: a real search page (20 Phish setlists), x50', 50, () => {
    let sum = 0;
    for (let copy = 0; copy < 50; copy += 1)
      sum += parseSetlistfmSearch(setlistfm).setlists.reduce((total, setlist) => total + rowsOf(setlist), 0);
    return sum;
  }),
];

const output = {
  benchmark: 'parse',
  date: new Date().toISOString(),
  machine: '2 cores, 24 GiB (this workplace), shared with other jobs',
  node: process.version,
  loadAverage1m: Number(loadavg()[0].toFixed(2)),
  runs: RUNS,
  results,
};
writeFileSync(join(ROOT, 'bench/results/parse.json'), `${JSON.stringify(output, null, 2)}\n`);
const format = (value) => value.toLocaleString('en-GB');
process.stdout.write(
  `${[
    '| parser | input | rows | median seconds | rows/s |',
    '|---|---|---:|---:|---:|',
    ...results.map(
      (result) =>
        `| \`${result.parser}\` | ${result.input} | ${format(result.rows)} | ${result.medianSeconds} | ${format(result.rowsPerSecond)} |`,
    ),
  ].join('\n')}\n(load average ${output.loadAverage1m} on 2 cores; median of ${RUNS} runs)\n`,
);
