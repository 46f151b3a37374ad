#!/usr/bin/env node
// How the performance rule's thresholds were chosen (docs/identity.md): every pair of real MixesDB setlists that
// shares at least 3 identified rows, with the measures the rule uses — same date, a DJ in common, and the longest
// common subsequence (LCS) of identified rows by artists|title as a share of the shorter setlist.
//   npm run build -w crawler && node docs/identity-calibration.mjs [essential-mix-1993-2009.json]
// Without an argument it reads the bundled sample only (crawler/src/sources/mixesdb/fixtures, 257 mixes); the
// Essential Mix corpus (878 pages) lives in /work/shared/data/mixesdb-wikitext/ (see its SOURCE.md).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseMixesdbWikitext } = require('../crawler/dist/sources/mixesdb/parse-wikitext.js');
const { trackKey, artistKey } = require('../crawler/dist/parse/identity.js');
const { mixesdbSamplePages } = require('../crawler/dist/replay/mixesdb-sample.js');

const pages = new Map([...mixesdbSamplePages()].map(([title, text]) => [title, text]));
if (process.argv[2]) {
  for (const [key, page] of Object.entries(JSON.parse(readFileSync(process.argv[2], 'utf8')))) {
    pages.set(decodeURIComponent(key.slice(3)).replace(/_/g, ' '), page.tracklist);
  }
}
// DJ names one by one, as silver.dj_keys_of splits a credit
const djKeys = (djs) =>
  new Set(
    djs
      .flatMap((dj) => dj.split(/\s*,\s*|\s+(?:b2b|b3b|&|and|vs\.?|x|\+)\s+/i))
      .map(artistKey)
      .filter(Boolean),
  );
const sets = [];
for (const [title, text] of pages) {
  const s = parseMixesdbWikitext(text, { sourceUrl: 'x', pageTitle: title });
  if (s.status !== 'ok') continue;
  const seq = s.parts
    .flatMap((p) => p.rows)
    .map(trackKey)
    .filter(Boolean)
    .map((k) => k.split('|').slice(0, 2).join('|'));
  sets.push({ title, date: s.date, djs: djKeys(s.djs), seq });
}
function lcs(a, b) {
  const row = new Array(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}
const rows = [];
for (let i = 0; i < sets.length; i++) {
  for (let j = i + 1; j < sets.length; j++) {
    const [a, b] = [sets[i], sets[j]];
    const common = lcs(a.seq, b.seq);
    if (common < 3) continue;
    const share = common / Math.min(a.seq.length, b.seq.length);
    rows.push({
      share,
      common,
      sameDate: a.date !== null && a.date === b.date,
      sameDj: [...a.djs].some((d) => b.djs.has(d)),
      a: a.title,
      b: b.title,
    });
  }
}
rows.sort((x, y) => y.share - x.share);
console.log(`${sets.length} setlists, ${rows.length} pairs with an LCS of 3 rows or more`);
console.log('LCS share | rows | same date | DJ in common | setlists');
for (const r of rows.filter((r) => r.share >= 0.3)) {
  console.log(`${r.share.toFixed(2)} | ${r.common} | ${r.sameDate ? 'yes' : 'no'} | ${r.sameDj ? 'yes' : 'no'} | ${r.a} ~ ${r.b}`);
}
