import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIXESDB_FIXTURES_DIR } from '../replay/mixesdb-sample';
import { evidenceUrl } from './import-store';
import { readMixesdbCsv } from './readers/mixesdb-csv';
import { readMixesdbWikitext } from './readers/mixesdb-wikitext';
import { parseEvidenceUrl, parseImportedPage } from './reparse-imported';

const ROOT = join(__dirname, '..', '..', '..');

it('an imported page parses again from its evidence alone to the same setlist', () => {
  const json = {
    path: 'e.json',
    name: 'essential-mix-1993-2009.json',
    text: readFileSync(join(ROOT, 'data', 'mixesdb-wikitext', 'essential-mix-1993-2009.json'), 'utf8'),
  };
  const csv = {
    path: 'c.csv',
    name: 'Adiel_tracklists.csv',
    text: readFileSync(join(MIXESDB_FIXTURES_DIR, 'Adiel_tracklists.csv'), 'utf8'),
  };
  const cases = [
    { file: json, format: 'mixesdb-wikitext' as const, entry: readMixesdbWikitext(json).entries[5]! },
    { file: csv, format: 'mixesdb-csv' as const, entry: readMixesdbCsv(csv).entries[2]! },
  ];
  for (const { file, format, entry } of cases) {
    expect(parseImportedPage({ url: evidenceUrl(file, entry), body: entry.body, format })).toEqual(entry.parse());
  }
});

it('reads file and entry from an evidence url', () => {
  expect(parseEvidenceUrl('import:a.json#/w/X_Y')).toEqual({ fileName: 'a.json', key: '/w/X_Y' });
  expect(parseEvidenceUrl('import:set.cue')).toEqual({ fileName: 'set.cue', key: 'file' });
  expect(parseEvidenceUrl('https://www.mixesdb.com/w/X')).toBeNull();
});
