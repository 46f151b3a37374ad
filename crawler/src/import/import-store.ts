/**
 * The database side of `crawl import`: ops.imports / ops.import_items (migration 0013) and the entry's way through
 * the same bronze -> refine path a crawl takes (`storeParsedSetlists`, one transaction per setlist).
 */
import type { Pool } from 'pg';
import { storeParsedSetlists, type StoredSetlist } from '../crawl/store-page';
import { crawlerSql } from '../db/statements';
import type { ParsedSetlist } from '@songnodes/parsing';
import { crawledParserVersion } from '../sources/parser-versions';
import type { CrawlSource } from '../sources/types';
import type { ImportEntry, ImportFile, ImportFormat } from './types';

export type ItemOutcome = 'written' | 'unchanged' | 'not-refined' | 'refused';

export interface ImportRecord {
  id: number;
  status: 'running' | 'done';
  path: string;
  entries: number | null;
  finishedAt: Date | null;
}

export async function findImport(pool: Pool, fileSha256: string, format: ImportFormat): Promise<ImportRecord | null> {
  const { rows } = await pool.query(crawlerSql('import-find'), [fileSha256, format]);
  const row = rows[0];
  return row ? { id: Number(row.id), status: row.status, path: row.path, entries: row.entries, finishedAt: row.finished_at } : null;
}

/** Starts or resumes the import of a file; returns its id and the entry keys a killed run already recorded. */
export async function startImport(
  pool: Pool,
  file: { sha256: string; format: ImportFormat; path: string; bytes: number },
): Promise<{ id: number; doneKeys: Set<string> }> {
  const { rows } = await pool.query(crawlerSql('import-start'), [file.sha256, file.format, file.path, file.bytes]);
  const id = Number(rows[0].id);
  const done = await pool.query(crawlerSql('import-items-done'), [id]);
  return { id, doneKeys: new Set(done.rows.map((r) => r.entry_key as string)) };
}

export interface KnownEntry {
  pageId: number | null;
  source: string;
  sourceUrl: string | null;
  /** what storing it did then: a setlist in silver, or a parse that was not refined (with why) */
  refined: boolean;
  reason: string | null;
}

/** Entries another import already stored, by content hash. */
export async function findKnownEntries(pool: Pool, sha256s: string[]): Promise<Map<string, KnownEntry>> {
  const known = new Map<string, KnownEntry>();
  for (let i = 0; i < sha256s.length; i += 5000) {
    const { rows } = await pool.query(crawlerSql('import-items-known'), [sha256s.slice(i, i + 5000)]);
    for (const r of rows) {
      const pageId = r.page_id === null ? null : Number(r.page_id);
      known.set(r.entry_sha256, {
        pageId,
        source: r.source,
        sourceUrl: r.source_url,
        refined: r.outcome !== 'not-refined',
        reason: r.reason,
      });
    }
  }
  return known;
}

export interface ItemRecord {
  key: string;
  line: number | null;
  sha256: string;
  pageId: number | null;
  source: string | null;
  sourceUrl: string | null;
  outcome: ItemOutcome;
  reason: string | null;
  rows: number;
}

export async function recordItem(pool: Pool, importId: number, item: ItemRecord): Promise<void> {
  await pool.query(crawlerSql('import-item-save'), [
    importId,
    item.key,
    item.line,
    item.sha256,
    item.pageId,
    item.source,
    item.sourceUrl,
    item.outcome,
    item.reason,
    item.rows,
  ]);
}

export async function finishImport(pool: Pool, importId: number, entries: number, summary: object): Promise<void> {
  await pool.query(crawlerSql('import-finish'), [importId, entries, JSON.stringify(summary)]);
}

/** Where an entry's evidence sits in bronze.pages: `import:<file name>#<entry key>`. */
export function evidenceUrl(file: Pick<ImportFile, 'name'>, entry: Pick<ImportEntry, 'key'>): string {
  return entry.key === 'file' ? `import:${file.name}` : `import:${file.name}#${entry.key}`;
}

/**
 * The parser version stored with an imported parse: the crawled source's own for MixesDB and 1001tracklists pages
 * (the same parser read them), `<format>@1` for the free-text formats.
 */
export function parserSource(parsed: ParsedSetlist, format: ImportFormat): CrawlSource {
  // storeParsedSetlists reads only the name and the parser version of its source.
  return { name: parsed.source, parserVersion: crawledParserVersion(parsed.source) ?? `${format}@1` } as CrawlSource;
}

/** Stores one entry: its evidence page, then its setlist through bronze and refine. */
export async function storeEntry(
  pool: Pool,
  file: ImportFile,
  format: ImportFormat,
  entry: ImportEntry,
  parsed: ParsedSetlist,
  crawlRunId: number | null,
): Promise<{ pageId: number; stored: StoredSetlist }> {
  const { rows } = await pool.query(crawlerSql('import-page-save'), [
    entry.source,
    evidenceUrl(file, entry),
    entry.contentType,
    entry.body,
    crawlRunId,
  ]);
  const pageId = Number(rows[0].id);
  const [stored] = await storeParsedSetlists(pool, parserSource(parsed, format), pageId, [parsed], crawlRunId);
  if (!stored) throw new Error(`storing ${parsed.sourceUrl} returned nothing`);
  return { pageId, stored };
}
