import { NOTIFY_CHANNELS } from '@songnodes/contracts';
import type { Pool } from 'pg';
import { runSql } from '../../db/run-sql';

export type TracklistImportStatus = 'QUEUED' | 'IMPORTING' | 'DONE' | 'REFUSED' | 'FAILED';

export interface TracklistImportRow {
  id: string;
  status: TracklistImportStatus;
  reason: string | null;
  setlistUrl: string | null;
  rows: number | null;
  createdAt: string;
  finishedAt: string | null;
}

const toImport = (r: Record<string, unknown>): TracklistImportRow => ({
  id: String(r.id),
  status: (r.status as string).toUpperCase() as TracklistImportStatus,
  reason: (r.reason as string | null) ?? null,
  setlistUrl: (r.setlist_url as string | null) ?? null,
  rows: (r.rows as number | null) ?? null,
  createdAt: (r.created_at as Date).toISOString(),
  finishedAt: r.finished_at ? (r.finished_at as Date).toISOString() : null,
});

export interface QueuedTracklist {
  body: string;
  djs: string[];
  date: string | null;
  title: string | null;
  sourceUrl: string | null;
}

/** Queues a pasted tracklist in ops.tracklist_imports and sends NOTIFY crawl_requested (a crawl worker imports it). */
export async function queueTracklistImport(pg: Pool, t: QueuedTracklist): Promise<TracklistImportRow> {
  const [row] = await runSql(pg, 'api/tracklists/import-queue', [
    t.body,
    t.djs,
    t.date,
    t.title,
    t.sourceUrl,
    NOTIFY_CHANNELS.crawlRequested,
  ]);
  return toImport(row!);
}

export async function fetchTracklistImport(pg: Pool, id: number): Promise<TracklistImportRow | null> {
  const [row] = await runSql(pg, 'api/tracklists/import-by-id', [id]);
  return row ? toImport(row) : null;
}
