/**
 * The bulk path of `crawl import`: many entries per transaction, set-based, in two halves. The first stores a
 * batch's evidence pages and its parses in bronze (prepareBatch), on another connection while the previous batch is
 * in silver; the second, one transaction, stores its setlists in silver (refine-batch.ts: the triggers derive
 * transitions and performances once per batch) with its ops.import_items records (commitBatch), so a SIGKILL
 * leaves a batch refined and recorded or not at all, and the rerun resumes after the last committed batch.
 */
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { ParsedSetlist } from '@songnodes/parsing';
import { inTransaction } from '../db/pool';
import { crawlerSql } from '../db/statements';
import { describeError } from '../errors';
import { refineBatch, saveBronzeBatch, type BatchSetlist } from '../refine/refine-batch';
import type { RefineOutcome } from '../refine/refine-setlist';
import { refineSetlistContent, type RefinedSetlist } from '../refine/setlist-content';
import { withCanonicalIdentity } from '../refine/setlist-identity';
import { evidenceUrl, parserSource, type ItemRecord, type KnownEntry } from './import-store';
import type { ImportEntry, ImportFile, ImportFormat } from './types';

/** What became of one entry of a batch: its record, and what it did to silver (null when nothing was stored). */
export interface BatchEntryResult {
  item: ItemRecord;
  outcome: RefineOutcome | null;
  /** the entry's parse threw: refused with this reason */
  parseError: string | null;
  known: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** An entry's parse, made ahead of the database: the setlist with its identity and silver content, or what threw. */
export type EntryParse = { parsed: ParsedSetlist; canonical: ParsedSetlist; content: RefinedSetlist | null } | { error: unknown };

export function parseEntry(entry: ImportEntry): EntryParse {
  try {
    const parsed = entry.parse();
    const canonical = withCanonicalIdentity(parsed);
    return {
      parsed,
      canonical,
      content: canonical.status === 'ok' && canonical.sourceId !== null ? refineSetlistContent(canonical) : null,
    };
  } catch (error) {
    return { error };
  }
}

/**
 * Parses the entries of the next batch a few at a time, yielding to the event loop between them, so the parse runs
 * while the current batch waits for PostgreSQL (the parser and the database overlap on the machine's cores).
 */
export async function parseAhead(entries: ImportEntry[], known: Map<string, KnownEntry>): Promise<Map<ImportEntry, EntryParse>> {
  const parses = new Map<ImportEntry, EntryParse>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as ImportEntry;
    if (!known.has(entry.sha256)) parses.set(entry, parseEntry(entry));
    if (i % 4 === 3) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return parses;
}

/** An entry of a batch that is stored: where it stands in the batch, and its parse. */
interface StoredEntry {
  index: number;
  entry: ImportEntry;
  parsed: ParsedSetlist;
}

/** A batch whose evidence and parses are in bronze (prepareBatch), ready for silver and its records (commitBatch). */
export interface PreparedBatch {
  /** each entry's result where it is known already (known elsewhere, or its parse threw); null for the stored ones */
  results: (BatchEntryResult | null)[];
  toStore: StoredEntry[];
  items: BatchSetlist[];
  bronzeIds: number[];
}

/**
 * The first half of a batch, in its own transaction: the evidence pages and the parses in bronze. It holds only
 * bronze rows (and no lock a refine takes), so it runs on another connection while the previous batch is refined:
 * the database's second core stores the next batch's evidence. Bronze is keyed by page and parser version, so a
 * SIGKILL between the two halves leaves evidence the rerun finds again and does not write twice.
 */
export async function prepareBatch(
  pool: Pool,
  file: ImportFile,
  format: ImportFormat,
  entries: ImportEntry[],
  known: Map<string, KnownEntry>,
  runId: number,
  parses: Map<ImportEntry, EntryParse> = new Map(),
): Promise<PreparedBatch> {
  const results: (BatchEntryResult | null)[] = new Array(entries.length).fill(null);
  const toStore: (StoredEntry & { canonical: ParsedSetlist; content: RefinedSetlist | null })[] = [];
  entries.forEach((entry, index) => {
    const base = { key: entry.key, line: entry.line, sha256: entry.sha256 };
    const seen = known.get(entry.sha256);
    if (seen) {
      const where = { ...base, pageId: seen.pageId, source: seen.source, sourceUrl: seen.sourceUrl, rows: 0 };
      results[index] = seen.refined
        ? {
            item: { ...where, outcome: 'unchanged', reason: 'already imported from another file' },
            outcome: null,
            parseError: null,
            known: true,
          }
        : {
            item: { ...where, outcome: 'not-refined', reason: seen.reason },
            outcome: { kind: 'not-refined', reason: seen.reason ?? 'not refined' },
            parseError: null,
            known: true,
          };
      return;
    }
    const parse = parses.get(entry) ?? parseEntry(entry);
    if ('error' in parse) {
      const reason = `could not be stored: parser failed: ${describeError(parse.error)}`;
      results[index] = {
        item: { ...base, pageId: null, source: entry.source, sourceUrl: null, outcome: 'refused', reason, rows: 0 },
        outcome: null,
        parseError: reason,
        known: false,
      };
    } else toStore.push({ index, entry, ...parse });
  });
  if (toStore.length === 0) return { results, toStore, items: [], bronzeIds: [] };

  return inTransaction(pool, async (client) => {
    // Evidence pages: each (source, url, body) once per statement, then every entry finds its page.
    const pageKey = (source: string, url: string, bodySha: string) => `${source}\u0000${url}\u0000${bodySha}`;
    const pages = new Map<string, { source: string; url: string; content_type: string; body: string }>();
    const keys = toStore.map(({ entry }) => {
      const url = evidenceUrl(file, entry);
      const key = pageKey(entry.source, url, sha256(entry.body));
      if (!pages.has(key)) pages.set(key, { source: entry.source, url, content_type: entry.contentType, body: entry.body });
      return key;
    });
    const saved = await client.query(crawlerSql('bulk-pages-save'), [JSON.stringify([...pages.values()]), runId]);
    const pageIds = new Map<string, number>(saved.rows.map((r) => [pageKey(r.source, r.url, r.body_sha256), Number(r.id)]));
    const items = toStore.map(({ parsed, canonical, content }, i) => {
      const pageId = pageIds.get(keys[i] as string);
      if (pageId === undefined) throw new Error(`evidence page of ${parsed.sourceUrl} neither stored nor found`);
      return { pageId, parserVersion: parserSource(parsed, format).parserVersion, parsed: canonical, ...(content ? { content } : {}) };
    });
    const bronzeIds = await saveBronzeBatch(client, items, runId);
    return { results, toStore, items, bronzeIds };
  });
}

/**
 * The second half of a batch, in one transaction: its setlists in silver (refine-batch.ts) and the records of all
 * its entries, so a SIGKILL leaves the batch refined and recorded or neither, and the rerun resumes after the last
 * committed batch. Throws what the database threw (the caller retries a batch PostgreSQL refused for its data one
 * entry at a time, to find the bad entry).
 */
export async function commitBatch(pool: Pool, importId: number, batch: PreparedBatch): Promise<BatchEntryResult[]> {
  const { results, toStore, items, bronzeIds } = batch;
  return inTransaction(pool, async (client) => {
    if (toStore.length > 0) {
      const outcomes = await refineBatch(client, items, bronzeIds);
      toStore.forEach(({ index, entry, parsed }, i) => {
        const outcome = outcomes[i] as RefineOutcome;
        results[index] = {
          item: {
            key: entry.key,
            line: entry.line,
            sha256: entry.sha256,
            pageId: items[i]?.pageId ?? null,
            source: parsed.source,
            sourceUrl: parsed.sourceUrl,
            outcome: outcome.kind,
            reason: outcome.kind === 'not-refined' ? outcome.reason : null,
            rows: outcome.kind === 'written' ? outcome.rows : 0,
          },
          outcome,
          parseError: null,
          known: false,
        };
      });
    }
    const done = results as BatchEntryResult[];
    await client.query(crawlerSql('bulk-items-save'), [
      importId,
      JSON.stringify(
        done.map(({ item }) => ({
          entry_key: item.key,
          line: item.line,
          entry_sha256: item.sha256,
          page_id: item.pageId,
          source: item.source,
          source_url: item.sourceUrl,
          outcome: item.outcome,
          reason: item.reason,
          rows: item.rows,
        })),
      ),
    ]);
    return done;
  });
}
