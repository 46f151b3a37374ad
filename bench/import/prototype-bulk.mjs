#!/usr/bin/env node
// PROTOTYPE of the set-based bulk path (not the product yet: refine is being reworked for layered rows and
// performances, and the real path lands after it): many setlists per transaction, every table written by one
// statement per batch (jsonb_to_recordset), the same SQL files the refine step uses for artists and tracks, and one
// INSERT into silver.setlist_tracks per batch, so the statement-level triggers recompute the batch's transitions
// once. Measures rows/s into silver on a corpus and checks the result against the per-setlist import's silver
// (bench/import/run.mjs must have filled <db>_bench_import first).
//
//   node bench/import/prototype-bulk.mjs [--corpus FILE] [--batch 250]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { recreateDatabase } from '../../scripts/test-database.mjs';
import { REPO_ROOT, benchDatabaseUrl } from './cli.mjs';
import { SILVER_CHECKSUM_SQL } from './silver-checksum.mjs';

const require = createRequire(join(REPO_ROOT, 'crawler', 'package.json'));
const { readerFor } = require(join(REPO_ROOT, 'crawler/dist/import/readers/index.js'));
const { detectFormat } = require(join(REPO_ROOT, 'crawler/dist/import/detect-format.js'));
const { refineSetlistContent } = require(join(REPO_ROOT, 'crawler/dist/refine/setlist-content.js'));
const { crawlerSql } = require(join(REPO_ROOT, 'crawler/dist/db/statements.js'));
const { SOURCES } = require(join(REPO_ROOT, 'crawler/dist/sources/registry.js'));

const { values } = parseArgs({
  options: { corpus: { type: 'string', default: join(REPO_ROOT, 'data', 'mixesdb-wikitext', 'essential-mix-1993-2009.json') }, batch: { type: 'string', default: '250' } },
});
const json = (rows) => JSON.stringify(rows);

/** The first of each key, in order: the per-setlist path keeps the first spelling seen, so must a batch. */
function firstByKey(items, keyOf) {
  const seen = new Map();
  for (const item of items) if (!seen.has(keyOf(item))) seen.set(keyOf(item), item);
  return [...seen.values()];
}

async function ids(client, upsert, reread, keyColumn, payload, keys) {
  const found = new Map((await client.query(crawlerSql(upsert), [json(payload)])).rows.map((r) => [r[keyColumn], Number(r.id)]));
  const missing = keys.filter((k) => !found.has(k));
  if (missing.length) for (const r of (await client.query(crawlerSql(reread), [missing])).rows) found.set(r[keyColumn], Number(r.id));
  return found;
}

async function storeBatch(client, batch) {
  const pages = (
    await client.query(
      `INSERT INTO bronze.pages (source, url, kind, content_type, body, body_sha256)
       SELECT p.source, p.url, 'import', p.content_type, p.body, encode(sha256(convert_to(p.body, 'UTF8')), 'hex')
       FROM jsonb_to_recordset($1::jsonb) AS p(source text, url text, content_type text, body text) RETURNING id`,
      [json(batch.map((b) => ({ source: b.entry.source, url: `import:${b.file}#${b.entry.key}`, content_type: b.entry.contentType, body: b.entry.body })))],
    )
  ).rows.map((r) => Number(r.id));
  const parserVersion = (p) => SOURCES.find((s) => s.name === p.source)?.parserVersion ?? `${p.source}@1`;
  const bronze = (
    await client.query(
      `INSERT INTO bronze.setlists (page_id, source, source_url, source_id, title, djs, event, venue, location, date_text, date, parser_version, status, status_reason, warnings, row_count)
       SELECT s.page_id, s.source, s.source_url, s.source_id, s.title, s.djs, s.event, s.venue, s.location, s.date_text, s.date::date, s.parser_version, s.status, s.status_reason, s.warnings, s.row_count
       FROM jsonb_to_recordset($1::jsonb) AS s(page_id bigint, source text, source_url text, source_id text, title text, djs text[], event text, venue text, location text, date_text text, date text, parser_version text, status text, status_reason text, warnings text[], row_count int)
       RETURNING id`,
      [json(batch.map(({ parsed: p }, i) => ({ page_id: pages[i], source: p.source, source_url: p.sourceUrl, source_id: p.sourceId, title: p.title, djs: p.djs, event: p.event, venue: p.venue, location: p.location, date_text: p.dateText, date: p.date, parser_version: parserVersion(p), status: p.status, status_reason: p.statusReason, warnings: p.warnings, row_count: p.parts.reduce((n, x) => n + x.rows.length, 0) })))],
    )
  ).rows.map((r) => Number(r.id));
  await client.query(
    `INSERT INTO bronze.setlist_rows (setlist_id, part_index, part_name, position, cue, cue_seconds, raw, artist, title, version, remixers, featured, label, catalog, unidentified, artist_valid, warnings)
     SELECT r.setlist_id, r.part_index, r.part_name, r.position, r.cue, r.cue_seconds, r.raw, r.artist, r.title, r.version, r.remixers, r.featured, r.label, r.catalog, r.unidentified, r.artist_valid, r.warnings
     FROM jsonb_to_recordset($1::jsonb) AS r(setlist_id bigint, part_index int, part_name text, position int, cue text, cue_seconds int, raw text, artist text, title text, version text, remixers text[], featured text[], label text, catalog text, unidentified boolean, artist_valid boolean, warnings text[])`,
    [json(batch.flatMap(({ parsed }, i) => parsed.parts.flatMap((part) => part.rows.map((l, j) => ({ setlist_id: bronze[i], part_index: part.index, part_name: part.name, position: j + 1, cue: l.cue, cue_seconds: l.cueSeconds, raw: l.raw, artist: l.artist, title: l.title, version: l.version, remixers: l.remixers, featured: l.featured, label: l.label, catalog: l.catalog, unidentified: l.unidentified, artist_valid: l.artistValid, warnings: l.warnings })))))],
  );
  const ok = batch.map((b, i) => ({ ...b, bronzeId: bronze[i] })).filter((b) => b.parsed.status === 'ok');
  const tracks = firstByKey(ok.flatMap((b) => b.content.rows.flatMap((r) => (r.track ? [r.track] : []))), (t) => t.key);
  const trackIds = await ids(client, 'refine-tracks-upsert', 'refine-tracks-by-key', 'track_key', tracks.map((t) => ({ track_key: t.key, title: t.title, version: t.version, artist_credit: t.artistCredit, label: t.label })), tracks.map((t) => t.key));
  const artists = firstByKey([...ok.flatMap((b) => b.content.djs), ...tracks.flatMap((t) => t.credits)], (a) => a.key);
  const artistIds = await ids(client, 'refine-artists-upsert', 'refine-artists-by-key', 'name_key', artists.map((a) => ({ name_key: a.key, name: a.name })), artists.map((a) => a.key));
  await client.query(crawlerSql('refine-track-artists-save'), [json(tracks.flatMap((t) => t.credits.map((c) => ({ track_id: trackIds.get(t.key), artist_id: artistIds.get(c.key), role: c.role, position: c.position }))))]);
  const setlistIds = (
    await client.query(
      `INSERT INTO silver.setlists (source, source_url, source_id, title, dj_credit, event, venue, location, date, bronze_setlist_id, content_sha256, track_count, identified_count)
       SELECT s.source, s.source_url, s.source_id, s.title, s.dj_credit, s.event, s.venue, s.location, s.date::date, s.bronze_setlist_id, s.content_sha256, s.track_count, s.identified_count
       FROM jsonb_to_recordset($1::jsonb) AS s(source text, source_url text, source_id text, title text, dj_credit text, event text, venue text, location text, date text, bronze_setlist_id bigint, content_sha256 text, track_count int, identified_count int)
       RETURNING id`,
      [json(ok.map(({ parsed: p, content: c, bronzeId }) => ({ source: p.source, source_url: p.sourceUrl, source_id: p.sourceId, title: p.title ?? p.sourceUrl, dj_credit: p.djs.join(' b2b ') || null, event: p.event, venue: p.venue, location: p.location, date: p.date, bronze_setlist_id: bronzeId, content_sha256: c.contentSha256, track_count: c.rows.length, identified_count: c.identifiedCount })))],
    )
  ).rows.map((r) => Number(r.id));
  await client.query(
    `INSERT INTO silver.setlist_djs (setlist_id, artist_id, position) SELECT d.setlist_id, d.artist_id, min(d.position)
     FROM jsonb_to_recordset($1::jsonb) AS d(setlist_id bigint, artist_id bigint, position int) GROUP BY d.setlist_id, d.artist_id`,
    [json(ok.flatMap((b, i) => b.content.djs.map((dj, position) => ({ setlist_id: setlistIds[i], artist_id: artistIds.get(dj.key), position }))))],
  );
  const rows = ok.flatMap((b, i) => b.content.rows.map((r) => ({ setlist_id: setlistIds[i], part_index: r.partIndex, part_name: r.partName, position: r.position, track_id: r.track ? trackIds.get(r.track.key) : null, cue: r.cue, raw: r.raw })));
  await client.query(
    `INSERT INTO silver.setlist_tracks (setlist_id, part_index, part_name, position, track_id, cue, raw)
     SELECT r.setlist_id, r.part_index, r.part_name, r.position, r.track_id, r.cue, r.raw
     FROM jsonb_to_recordset($1::jsonb) AS r(setlist_id bigint, part_index int, part_name text, position int, track_id bigint, cue text, raw text)`,
    [json(rows)],
  );
  return rows.length;
}

const text = readFileSync(values.corpus, 'utf8');
const name = basename(values.corpus);
const { entries } = readerFor(detectFormat(name, text.slice(0, 65536)).format).reader({ path: values.corpus, name, text });
const databaseUrl = benchDatabaseUrl('bench_import_bulk');
await recreateDatabase(databaseUrl);
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const started = process.hrtime.bigint();
let rows = 0;
const size = Number(values.batch);
for (let i = 0; i < entries.length; i += size) {
  const batch = entries.slice(i, i + size).map((entry) => {
    const parsed = entry.parse();
    return { file: name, entry, parsed, content: parsed.status === 'ok' ? refineSetlistContent(parsed) : null };
  });
  await client.query('BEGIN');
  rows += await storeBatch(client, batch);
  await client.query('COMMIT');
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const bulk = (await client.query(SILVER_CHECKSUM_SQL)).rows[0].checksum;
await client.end();
const reference = new pg.Client({ connectionString: benchDatabaseUrl('bench_import') });
await reference.connect();
const perSetlist = (await reference.query(SILVER_CHECKSUM_SQL)).rows[0].checksum;
await reference.end();
process.stdout.write(`${JSON.stringify({ prototype: 'set-based bulk path', batch: size, rows, seconds, rowsPerSecond: Math.round(rows / seconds), sameSilverAsPerSetlistImport: bulk === perSetlist })}\n`);
