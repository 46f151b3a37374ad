/**
 * `crawl import <file|folder>...`: tracklists a user already has, through the same parse -> bronze -> silver path as
 * a crawl, with their real source identity and their provenance (file, sha256, entry, line).
 *
 * - Re-running changes nothing and is fast: a file whose content (sha256) was imported completely is skipped
 *   without reading its entries; an entry whose content another import stored is recorded without parsing.
 * - Fast: entries are stored in batches (import-batch.ts), one transaction per batch with every table written
 *   set-based; `perSetlist` keeps the older path (one transaction per setlist, the entry recorded after it), which
 *   the tests use to show both store the same silver.
 * - A SIGKILL loses nothing: a batch and its entries' records commit together (per setlist: the entry is recorded
 *   after its setlist, and storing it again is a no-op); the next run resumes the file (same sha256, same import id)
 *   and stores whatever has no record yet.
 * - A bad file or entry is refused with its reason and the import goes on; only a lost database stops it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { ParsedSetlist } from '@songnodes/parsing';
import { finishCrawlRun, startCrawlRun } from '../db/runs';
import { describeError } from '../errors';
import { detectFormat } from './detect-format';
import { rampedBatches } from './batches';
import { commitBatch, parseAhead, prepareBatch, type BatchEntryResult, type PreparedBatch } from './import-batch';
import {
  findImport,
  findKnownEntries,
  finishImport,
  recordItem,
  startImport,
  storeEntry,
  type ItemRecord,
  type KnownEntry,
} from './import-store';
import { listImportFiles } from './list-files';
import type { Progress } from './progress-bar';
import { readerFor } from './readers';
import { sha256Hex } from './source-identity';
import { newSummary, type ImportSummary } from './summary';
import type { ImportEntry, ImportFile, ImportFormat } from './types';

export interface ImportOptions {
  paths: string[];
  format: ImportFormat | 'auto';
  /** ops.crawl_runs.worker */
  workerId: string;
  /** entries per transaction on the bulk path (default DEFAULT_BATCH_SIZE) */
  batchSize?: number;
  /** the per-setlist path: one transaction per setlist, every statement per setlist */
  perSetlist?: boolean;
}

export const DEFAULT_BATCH_SIZE = 250;

interface Deps {
  pool: Pool;
  logger: Logger;
  progress: Progress;
}

/** PostgreSQL refused this entry's data (SQLSTATE classes 22 data exception, 23 integrity): the entry is bad, not the run. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

export async function runImport(deps: Deps, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const summary = newSummary();
  const { files, missing } = listImportFiles(options.paths);
  summary.files.seen += missing.length;
  for (const path of missing) summary.refuse({ file: path, key: null, line: null, reason: 'no such file or folder' }, 'file');
  const runId = await startCrawlRun(deps.pool, options.workerId, 'import', { paths: options.paths, format: options.format });
  try {
    for (const path of files) await importFile(deps, path, options, runId, summary);
    summary.seconds = (Date.now() - started) / 1000;
    await finishCrawlRun(deps.pool, runId, 'ok', summary.toJSON());
    return summary;
  } catch (error) {
    summary.seconds = (Date.now() - started) / 1000;
    await finishCrawlRun(deps.pool, runId, 'failed', { ...summary.toJSON(), error: describeError(error) }).catch(() => undefined);
    throw error;
  } finally {
    deps.progress.stop();
  }
}

async function importFile(deps: Deps, path: string, options: ImportOptions, runId: number, summary: ImportSummary): Promise<void> {
  const { pool, progress } = deps;
  const wanted = options.format;
  summary.files.seen += 1;
  const name = basename(path);
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8');
  const detected = wanted === 'auto' ? detectFormat(name, text.slice(0, 65_536)) : { format: wanted };
  if (detected.format === null) return summary.refuse({ file: path, key: null, line: null, reason: detected.reason }, 'file');
  const format = detected.format;
  const found = readerFor(format);
  if ('unavailable' in found) return summary.refuse({ file: path, key: null, line: null, reason: found.unavailable }, 'file');

  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  const previous = await findImport(pool, fileSha256, format);
  if (previous?.status === 'done') {
    summary.files.skipped += 1;
    summary.entries.skipped += previous.entries ?? 0;
    progress.milestone(`${name}: already imported`, { file: path, importId: previous.id, entries: previous.entries });
    return;
  }
  const file: ImportFile = { path, name, text };
  const { entries, refused } = found.reader(file);
  const { id: importId, doneKeys } = await startImport(pool, { sha256: fileSha256, format, path, bytes: bytes.length });
  progress.addTotal(entries.length + refused.length);
  progress.milestone(`${name}: ${entries.length} entries`, {
    file: path,
    format,
    importId,
    entries: entries.length,
    refused: refused.length,
    resumed: doneKeys.size,
  });

  for (const r of refused) {
    summary.refuse({ file: path, ...r }, 'entry');
    if (!doneKeys.has(r.key)) await recordItem(pool, importId, refusedItem(r.key, r.line, r.reason));
    progress.tick('refused');
  }
  const todo = entries.filter((e) => !doneKeys.has(e.key));
  summary.entries.skipped += entries.length - todo.length;
  progress.tick('skipped', entries.length - todo.length);
  const known = await findKnownEntries(
    pool,
    todo.map((e) => e.sha256),
  );
  if (options.perSetlist) {
    for (const entry of todo) await importOneByOne(deps, file, format, importId, entry, known, runId, summary);
  } else {
    const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    // Batch i + 1 is parsed and its bronze stored (prepareBatch, on another connection) while batch i is in silver;
    // the first batches are small (batches.ts). What preparing threw is seen when the batch's turn comes.
    const batches = rampedBatches(todo, size);
    const prepare = (batch: ImportEntry[]): Promise<Prepared> =>
      parseAhead(batch, known)
        .then((parses) => prepareBatch(pool, file, format, batch, known, runId, parses))
        .then(
          (prepared) => ({ prepared }),
          (error: unknown) => ({ error }),
        );
    let next = batches.length > 0 ? prepare(batches[0] as ImportEntry[]) : null;
    for (let i = 0; i < batches.length; i++) {
      const prepared = await (next as Promise<Prepared>);
      next = i + 1 < batches.length ? prepare(batches[i + 1] as ImportEntry[]) : null;
      try {
        await importInBatch(deps, file, format, importId, batches[i] as ImportEntry[], known, runId, summary, prepared);
      } catch (error) {
        await next; // nothing left running on the pool when the error reaches the caller
        throw error;
      }
    }
  }
  await finishImport(pool, importId, entries.length + refused.length, { format, entries: entries.length, refused: refused.length });
  summary.files.imported += 1;
}

async function importOneByOne(
  deps: Deps,
  file: ImportFile,
  format: ImportFormat,
  importId: number,
  entry: ImportEntry,
  known: Map<string, KnownEntry>,
  runId: number,
  summary: ImportSummary,
): Promise<void> {
  const item = await importEntry(deps, file, format, entry, known.get(entry.sha256) ?? null, runId, summary);
  await recordItem(deps.pool, importId, item);
}

/** A batch with its bronze stored, or what storing it threw. */
type Prepared = { prepared: PreparedBatch } | { error: unknown };

/**
 * One batch on the bulk path. A batch PostgreSQL refuses for its data (SQLSTATE 22/23), in either half, is stored
 * again one entry at a time, so the bad entry is refused with its reason and the others are stored.
 */
async function importInBatch(
  deps: Deps,
  file: ImportFile,
  format: ImportFormat,
  importId: number,
  entries: ImportEntry[],
  known: Map<string, KnownEntry>,
  runId: number,
  summary: ImportSummary,
  batch: Prepared,
): Promise<void> {
  let results: BatchEntryResult[];
  try {
    if ('error' in batch) throw batch.error;
    results = await commitBatch(deps.pool, importId, batch.prepared);
  } catch (error) {
    if (!isDataError(error)) throw error;
    deps.logger.warn(
      { file: file.path, entries: entries.length, err: describeError(error) },
      'batch refused by the database; storing its entries one by one',
    );
    for (const entry of entries) await importOneByOne(deps, file, format, importId, entry, known, runId, summary);
    return;
  }
  for (const { item, outcome, parseError, known: wasKnown } of results) {
    if (wasKnown) summary.entries.known += 1;
    if (parseError !== null) {
      summary.refuse({ file: file.path, key: item.key, line: item.line, reason: parseError }, 'entry');
      deps.progress.tick('refused');
    } else if (outcome === null || outcome.kind === 'unchanged') {
      summary.count({ kind: 'unchanged' });
      deps.progress.tick('unchanged');
    } else if (outcome.kind === 'written') {
      summary.count({ kind: 'written', rows: outcome.rows });
      deps.progress.tick('written');
    } else {
      summary.count({ kind: 'not-refined', reason: outcome.reason });
      deps.progress.tick('refused');
    }
  }
}

function refusedItem(key: string, line: number | null, reason: string): ItemRecord {
  return {
    key,
    line,
    sha256: sha256Hex(`refused\n${key}\n${reason}`),
    pageId: null,
    source: null,
    sourceUrl: null,
    outcome: 'refused',
    reason,
    rows: 0,
  };
}

async function importEntry(
  deps: Deps,
  file: ImportFile,
  format: ImportFormat,
  entry: ImportEntry,
  known: KnownEntry | null,
  runId: number,
  summary: ImportSummary,
): Promise<ItemRecord> {
  const base = { key: entry.key, line: entry.line, sha256: entry.sha256 };
  if (known) {
    // The same text was stored from another file: the same setlist, already in silver (or the same empty page).
    summary.entries.known += 1;
    const where = { ...base, pageId: known.pageId, source: known.source, sourceUrl: known.sourceUrl, rows: 0 };
    if (!known.refined) {
      summary.count({ kind: 'not-refined', reason: known.reason ?? 'not refined' });
      deps.progress.tick('refused');
      return { ...where, outcome: 'not-refined', reason: known.reason };
    }
    summary.setlists.unchanged += 1;
    deps.progress.tick('unchanged');
    return { ...where, outcome: 'unchanged', reason: 'already imported from another file' };
  }
  try {
    let parsed: ParsedSetlist;
    try {
      parsed = entry.parse();
    } catch (error) {
      throw new EntryParseError(`parser failed: ${describeError(error)}`);
    }
    const { pageId, stored } = await storeEntry(deps.pool, file, format, entry, parsed, runId);
    const { outcome } = stored;
    const rows = outcome.kind === 'written' ? outcome.rows : 0;
    summary.count(outcome.kind === 'not-refined' ? { kind: 'not-refined', reason: outcome.reason } : { kind: outcome.kind, rows });
    deps.progress.tick(outcome.kind === 'written' ? 'written' : outcome.kind === 'unchanged' ? 'unchanged' : 'refused');
    const reason = outcome.kind === 'not-refined' ? outcome.reason : null;
    return { ...base, pageId, source: parsed.source, sourceUrl: parsed.sourceUrl, outcome: outcome.kind, reason, rows };
  } catch (error) {
    if (!isDataError(error) && !(error instanceof EntryParseError)) throw error;
    const reason = `could not be stored: ${describeError(error)}`;
    summary.refuse({ file: file.path, key: entry.key, line: entry.line, reason }, 'entry');
    deps.progress.tick('refused');
    return { ...base, pageId: null, source: entry.source, sourceUrl: null, outcome: 'refused', reason, rows: 0 };
  }
}

/** A reader's parse threw (parsers should not; this keeps one bad entry from stopping the import). */
export class EntryParseError extends Error {}
