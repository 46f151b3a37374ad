// Where the import (the bulk path, as `crawl import` runs it) spends its time: the import runs in this process with every SQL statement timed by
// its sql/queries file name (BEGIN/COMMIT too), the parse timed on its own, and once more with the transition
// triggers on silver.setlist_tracks disabled, which separates their cost from the INSERT that fires them.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { recreateDatabase } from '../../scripts/test-database.mjs';
import { REPO_ROOT } from './cli.mjs';

const require = createRequire(join(REPO_ROOT, 'crawler', 'package.json'));
const crawlerPg = require('pg');
const { runImport } = require(join(REPO_ROOT, 'crawler/dist/import/run-import.js'));
const { createProgress } = require(join(REPO_ROOT, 'crawler/dist/import/progress-bar.js'));
const { readerFor } = require(join(REPO_ROOT, 'crawler/dist/import/readers/index.js'));
const { detectFormat } = require(join(REPO_ROOT, 'crawler/dist/import/detect-format.js'));
const { createPool } = require(join(REPO_ROOT, 'crawler/dist/db/pool.js'));

const SQL_DIR = join(REPO_ROOT, 'sql', 'queries', 'crawler');
const names = new Map(readdirSync(SQL_DIR).map((f) => [readFileSync(join(SQL_DIR, f), 'utf8'), f.replace(/\.sql$/, '')]));

/** Times every promise-style query of the crawler's pg by statement name. */
function instrument() {
  const totals = new Map();
  const original = crawlerPg.Client.prototype.query;
  crawlerPg.Client.prototype.query = function timed(config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const name = names.get(text) ?? (text?.trim().split(/\s+/)[0] ?? '?').toUpperCase();
    const started = process.hrtime.bigint();
    const add = () => {
      const entry = totals.get(name) ?? { calls: 0, ms: 0 };
      entry.calls += 1;
      entry.ms += Number(process.hrtime.bigint() - started) / 1e6;
      totals.set(name, entry);
    };
    // pg-pool's pool.query calls client.query with a callback; everything else here awaits the promise.
    if (typeof values === 'function') {
      return original.call(this, config, (...a) => {
        add();
        return values(...a);
      });
    }
    if (typeof callback === 'function') {
      return original.call(this, config, values, (...a) => {
        add();
        return callback(...a);
      });
    }
    const result = original.call(this, config, values);
    if (result && typeof result.then === 'function') result.then(add, add);
    // COPY ... FROM STDIN (pg-copy-streams): the query is a stream, done when PostgreSQL confirmed it.
    else if (result && typeof result.once === 'function') {
      result.once('finish', add);
      result.once('error', add);
    }
    return result;
  };
  return { totals, restore: () => (crawlerPg.Client.prototype.query = original) };
}

function parseOnly(corpus) {
  const text = readFileSync(corpus, 'utf8');
  const name = corpus.split('/').pop();
  const found = readerFor(detectFormat(name, text.slice(0, 65536)).format);
  const started = process.hrtime.bigint();
  const { entries } = found.reader({ path: corpus, name, text });
  for (const entry of entries) entry.parse();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function profiledImport(databaseUrl, corpus, { triggers }) {
  await recreateDatabase(databaseUrl);
  if (!triggers) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      'ALTER TABLE silver.setlist_tracks DISABLE TRIGGER setlist_tracks_after_insert, DISABLE TRIGGER setlist_tracks_after_delete',
    );
    await client.end();
  }
  const pool = createPool(databaseUrl);
  const logger = pino({ level: 'silent' });
  const { totals, restore } = instrument();
  const started = process.hrtime.bigint();
  const summary = await runImport(
    { pool, logger, progress: createProgress({ label: 'profile', logger, tty: false }) },
    { paths: [corpus], format: 'auto', workerId: 'bench' },
  );
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  restore();
  await pool.end();
  const statements = Object.fromEntries(
    [...totals].sort((a, b) => b[1].ms - a[1].ms).map(([k, v]) => [k, { calls: v.calls, ms: Math.round(v.ms) }]),
  );
  return { totalMs: Math.round(totalMs), rows: summary.rows, setlists: summary.setlists.written, statements };
}

/** The profile of one corpus: parse alone, the import with triggers, the import without them. */
export async function profileImport(databaseUrl, corpus) {
  const parseMs = Math.round(parseOnly(corpus));
  const withTriggers = await profiledImport(databaseUrl, corpus, { triggers: true });
  const withoutTriggers = await profiledImport(databaseUrl, corpus, { triggers: false });
  const sum = (names) => names.reduce((ms, n) => ms + (withTriggers.statements[n]?.ms ?? 0), 0);
  // Statement names of both paths: per setlist (refine-*, bronze-*, import-*) and batched (bulk-*).
  const BRONZE = [
    'import-page-save',
    'bronze-setlist-save',
    'bronze-rows-save',
    'bronze-setlist-find',
    'bulk-pages-save',
    'bulk-bronze-setlists-save',
    'bulk-bronze-rows-copy',
  ];
  const PROVENANCE = (n) => (n.startsWith('import-') && n !== 'import-page-save') || n === 'bulk-items-save';
  const REFINE = (n) => (n.startsWith('refine-') || n.startsWith('bulk-')) && !BRONZE.includes(n) && !PROVENANCE(n);
  const bronze = sum(BRONZE);
  const statementMs = (run, name) => run.statements[name]?.ms ?? 0;
  const triggerMs = ['refine-rows-insert', 'refine-rows-delete', 'bulk-rows-copy', 'bulk-rows-delete'].reduce(
    (ms, name) => ms + statementMs(withTriggers, name) - statementMs(withoutTriggers, name),
    0,
  );
  const transaction = sum(['BEGIN', 'COMMIT']);
  const refine =
    Object.entries(withTriggers.statements)
      .filter(([n]) => REFINE(n))
      .reduce((ms, [, v]) => ms + v.ms, 0) - triggerMs;
  const provenance = Object.entries(withTriggers.statements)
    .filter(([n]) => PROVENANCE(n))
    .reduce((ms, [, v]) => ms + v.ms, 0);
  const accounted = parseMs + bronze + triggerMs + transaction + refine + provenance;
  return {
    totalMs: withTriggers.totalMs,
    shares: {
      parse: parseMs,
      bronze,
      refineSql: refine,
      transitionTriggers: triggerMs,
      beginCommit: transaction,
      provenance,
      other: withTriggers.totalMs - accounted,
    },
    withTriggers,
    withoutTriggers,
  };
}
