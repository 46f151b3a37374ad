/**
 * Pasted tracklists (the API's importTracklist, issue 13 item 2): the API queues the text in ops.tracklist_imports
 * (migration 0016) and sends NOTIFY crawl_requested; a crawl worker claims each queued one and stores it exactly as
 * `crawl import --format text` stores a file: the text (header lines the API wrote from the form, then the pasted
 * list) is the bronze evidence, the free-text reader parses it, refine writes silver, ops.imports/import_items keep
 * the provenance. The row ends DONE (with the setlist's URL), REFUSED (with the parse's reason) or FAILED.
 */
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { crawlerSql } from '../db/statements';
import { finishCrawlRun, startCrawlRun } from '../db/runs';
import { describeError } from '../errors';
import { finishImport, recordItem, startImport, storeEntry } from './import-store';
import { FREE_TEXT_PARSERS, freeTextReader } from './readers/free-text';
import { sha256Hex } from './source-identity';

/** A claim tried this often (a worker killed mid-import each time) ends FAILED. */
const MAX_ATTEMPTS = 3;

export interface TracklistImportResult {
  id: number;
  status: 'done' | 'refused' | 'failed';
  reason: string | null;
  setlistUrl: string | null;
  rows: number | null;
}

async function finish(pool: Pool, result: TracklistImportResult): Promise<TracklistImportResult> {
  await pool.query(crawlerSql('tracklist-import-finish'), [result.id, result.status, result.reason, result.setlistUrl, result.rows]);
  return result;
}

/** Stores one claimed pasted tracklist; a database failure other than bad data is thrown (the claim is retried). */
async function importOne(deps: { pool: Pool; workerId: string }, id: number, body: string): Promise<TracklistImportResult> {
  const { pool } = deps;
  const parser = FREE_TEXT_PARSERS.text;
  if (!parser)
    return finish(pool, { id, status: 'failed', reason: 'the text format is not part of this build', setlistUrl: null, rows: null });
  const file = { path: `tracklist-import:${id}`, name: `tracklist-import-${id}.txt`, text: body };
  const [entry] = freeTextReader('text', parser)(file).entries;
  if (!entry) return finish(pool, { id, status: 'refused', reason: 'no tracklist found in the text', setlistUrl: null, rows: null });
  const runId = await startCrawlRun(pool, deps.workerId, 'import', { tracklistImport: id });
  try {
    const parsed = entry.parse();
    const { id: importId } = await startImport(pool, {
      sha256: sha256Hex(body),
      format: 'text',
      path: file.path,
      bytes: Buffer.byteLength(body),
    });
    const { pageId, stored } = await storeEntry(pool, file, 'text', entry, parsed, runId);
    const { outcome } = stored;
    const rows = parsed.parts.reduce((n, part) => n + part.rows.length, 0);
    await recordItem(pool, importId, {
      key: entry.key,
      line: entry.line,
      sha256: entry.sha256,
      pageId,
      source: parsed.source,
      sourceUrl: parsed.sourceUrl,
      outcome: outcome.kind,
      reason: outcome.kind === 'not-refined' ? outcome.reason : null,
      rows: outcome.kind === 'written' ? outcome.rows : 0,
    });
    await finishImport(pool, importId, 1, { format: 'text', entries: 1, refused: 0, tracklistImport: id });
    const result: TracklistImportResult =
      outcome.kind === 'not-refined'
        ? { id, status: 'refused', reason: outcome.reason, setlistUrl: null, rows: null }
        : {
            id,
            status: 'done',
            reason: outcome.kind === 'unchanged' ? 'already imported: the same setlist is in the graph' : null,
            setlistUrl: parsed.sourceUrl,
            rows,
          };
    await finishCrawlRun(pool, runId, 'ok', { tracklistImport: id, outcome: outcome.kind, rows });
    return await finish(pool, result);
  } catch (error) {
    await finishCrawlRun(pool, runId, 'failed', { tracklistImport: id, error: describeError(error) }).catch(() => undefined);
    const code = String((error as { code?: unknown })?.code ?? '');
    // PostgreSQL refused this text's data (classes 22, 23): the tracklist is bad, not the worker.
    if (code.startsWith('22') || code.startsWith('23')) {
      return finish(pool, { id, status: 'refused', reason: `could not be stored: ${describeError(error)}`, setlistUrl: null, rows: null });
    }
    throw error;
  }
}

/**
 * Imports every queued pasted tracklist, one at a time, and returns what became of each. A failure on our side
 * (PostgreSQL away) leaves the row IMPORTING for another claim in 10 minutes; the third claim that fails ends FAILED.
 */
export async function importQueuedTracklists(deps: { pool: Pool; logger: Logger; workerId: string }): Promise<TracklistImportResult[]> {
  const results: TracklistImportResult[] = [];
  for (;;) {
    const { rows } = await deps.pool.query(crawlerSql('tracklist-import-claim'));
    const claim = rows[0];
    if (!claim) return results;
    const id = Number(claim.id);
    try {
      const result = await importOne(deps, id, claim.body);
      deps.logger.info(
        { tracklistImport: id, status: result.status, reason: result.reason, setlistUrl: result.setlistUrl },
        'pasted tracklist imported',
      );
      results.push(result);
    } catch (error) {
      const reason = `import failed: ${describeError(error)}`;
      deps.logger.error({ tracklistImport: id, err: describeError(error) }, 'pasted tracklist failed');
      if (claim.attempts >= MAX_ATTEMPTS)
        results.push(
          await finish(deps.pool, { id, status: 'failed', reason, setlistUrl: null, rows: null }).catch(() => ({
            id,
            status: 'failed' as const,
            reason,
            setlistUrl: null,
            rows: null,
          })),
        );
      throw error;
    }
  }
}
