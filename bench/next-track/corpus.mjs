// A corpus in any import format, read by the crawler's own import readers (the same code `crawl import` runs), as
// setlists with their refined rows; and the training part of it written back in its own format for the real import.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { REPO_ROOT } from '../import/cli.mjs';

const require = createRequire(join(REPO_ROOT, 'crawler', 'package.json'));
const { listImportFiles } = require(join(REPO_ROOT, 'crawler/dist/import/list-files.js'));
const { detectFormat } = require(join(REPO_ROOT, 'crawler/dist/import/detect-format.js'));
const { readerFor } = require(join(REPO_ROOT, 'crawler/dist/import/readers/index.js'));
const { refineSetlistContent } = require(join(REPO_ROOT, 'crawler/dist/refine/setlist-content.js'));

/**
 * Every setlist of the corpus that parses to a tracklist, by its source URL (a page in two files is one setlist:
 * the later file's copy wins, as in an import), each with the file entries that carry it.
 */
export function readCorpus(paths) {
  const setlists = new Map();
  for (const path of listImportFiles(paths).files) {
    const text = readFileSync(path, 'utf8');
    const name = basename(path);
    const { format } = detectFormat(name, text.slice(0, 65536));
    const found = format ? readerFor(format) : null;
    if (!found?.reader) continue;
    for (const entry of found.reader({ path, name, text }).entries) {
      const parsed = entry.parse();
      if (parsed.status !== 'ok') continue;
      const rows = refineSetlistContent(parsed).rows.map((r) => ({
        partIndex: r.partIndex,
        position: r.position,
        key: r.track?.key ?? null,
      }));
      const known = setlists.get(parsed.sourceUrl);
      const carriers = [...(known?.carriers ?? []), { path, name, format, entry }];
      setlists.set(parsed.sourceUrl, { id: parsed.sourceUrl, date: parsed.date, djs: parsed.djs, rows, carriers });
    }
  }
  return [...setlists.values()];
}

/** Writes the entries of `setlists` into `dir`, file by file in each file's own format. Returns the paths written. */
export function writeCorpus(setlists, dir) {
  mkdirSync(dir, { recursive: true });
  const byFile = new Map();
  for (const s of setlists) for (const c of s.carriers) byFile.set(c.path, [...(byFile.get(c.path) ?? []), c]);
  const written = [];
  for (const [path, carriers] of byFile) {
    const target = join(dir, basename(path));
    const { format, entry } = carriers[0];
    if (format === 'mixesdb-wikitext' && entry.key !== 'file') {
      writeFileSync(target, JSON.stringify(Object.fromEntries(carriers.map((c) => [c.entry.key, { tracklist: c.entry.body }]))));
    } else if (format === 'mixesdb-csv') {
      const [header] = entry.body.split('\n', 1);
      writeFileSync(target, `${[header, ...carriers.map((c) => c.entry.body.slice(header.length + 1))].join('\n')}\n`);
    } else copyFileSync(path, target);
    written.push(target);
  }
  return written;
}
