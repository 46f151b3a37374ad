import type { Pool, PoolClient } from 'pg';
import type { FetchedPage } from '../http/polite-fetcher';
import type { ParsedSetlist } from '@songnodes/parsing';
import { crawlerSql } from './statements';

type Queryable = Pool | PoolClient;

/** Stores a fetched page as evidence; the same body again only moves last_fetched_at. Returns the page id. */
export async function savePage(
  db: Queryable,
  page: FetchedPage & { source: string; kind: 'search' | 'setlist' | 'other'; crawlRunId: number | null },
): Promise<number> {
  const { rows } = await db.query(crawlerSql('page-save'), [
    page.source,
    page.url,
    page.kind,
    page.status,
    page.contentType,
    page.body,
    page.crawlRunId,
  ]);
  return Number(rows[0].id);
}

/** The newest successful body of `url` fetched within `hours`, to re-use instead of fetching again. */
export async function findRecentPage(
  db: Queryable,
  source: string,
  url: string,
  hours: number,
): Promise<(FetchedPage & { id: number }) | null> {
  const { rows } = await db.query(crawlerSql('page-recent'), [source, url, hours]);
  const row = rows[0];
  return row ? { id: Number(row.id), url: row.url, status: row.http_status, contentType: row.content_type, body: row.body } : null;
}

/**
 * Stores one parse of a page (the setlist and every row as read) unless this parser version already parsed it.
 * Returns the bronze setlist id either way.
 */
export async function saveParsedSetlist(
  client: PoolClient,
  pageId: number,
  parsed: ParsedSetlist,
  parserVersion: string,
  crawlRunId: number | null,
): Promise<number> {
  const rowCount = parsed.parts.reduce((n, part) => n + part.rows.length, 0);
  const inserted = await client.query(crawlerSql('bronze-setlist-save'), [
    pageId,
    parsed.source,
    parsed.sourceUrl,
    parsed.sourceId,
    parsed.title,
    parsed.djs,
    parsed.event,
    parsed.venue,
    parsed.location,
    parsed.dateText,
    parsed.date,
    parserVersion,
    parsed.status,
    parsed.statusReason,
    parsed.warnings,
    rowCount,
    crawlRunId,
  ]);
  if (inserted.rows.length === 0) {
    const found = await client.query(crawlerSql('bronze-setlist-find'), [pageId, parsed.sourceUrl, parserVersion]);
    return Number(found.rows[0].id);
  }
  const setlistId = Number(inserted.rows[0].id);
  const rows = bronzeRowRecords(parsed);
  if (rows.length > 0) await client.query(crawlerSql('bronze-rows-save'), [setlistId, JSON.stringify(rows)]);
  return setlistId;
}

/** A parse's rows as bronze.setlist_rows records (the JSON bronze-rows-save reads, and bulk-bronze-rows-copy), in order. */
export function bronzeRowRecords(parsed: ParsedSetlist): Record<string, unknown>[] {
  return parsed.parts.flatMap((part) =>
    part.rows.map((line, i) => ({
      part_index: part.index,
      part_name: part.name,
      position: i + 1,
      cue: line.cue,
      cue_seconds: line.cueSeconds,
      raw: line.raw,
      artist: line.artist,
      title: line.title,
      version: line.version,
      remixers: line.remixers,
      featured: line.featured,
      label: line.label,
      catalog: line.catalog,
      unidentified: line.unidentified,
      artist_valid: line.artistValid,
      layered: line.layered === true,
      warnings: line.warnings,
    })),
  );
}
