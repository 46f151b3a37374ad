import { NOTIFY_CHANNELS } from '@songnodes/contracts';
import type { Pool } from 'pg';
import { runSql } from '../../db/run-sql';
import { SOURCES, toTarget, type TargetRow } from '../admin/data';

export type TrackRequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED';
export const TARGET_STATUSES = ['pending', 'searching', 'done', 'failed', 'blocked', 'skipped'] as const;
export { SOURCES };

export interface TrackRequestRow {
  id: string;
  artist: string;
  title: string;
  status: TrackRequestStatus;
  requests: number;
  createdAt: string;
}

export interface SourceStateRow {
  name: string;
  paused: boolean;
  pausedUntil: string | null;
  pauseReason: string | null;
  requestsToday: number;
  dailyCap: number | null;
  dueTargets: number;
}

export interface CrawlRunRow {
  id: string;
  worker: string;
  command: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  summary: string | null;
}

const toRequest = (r: Record<string, unknown>): TrackRequestRow => ({
  id: String(r.id),
  artist: r.artist as string,
  title: r.title as string,
  status: (r.status as string).toUpperCase() as TrackRequestStatus,
  requests: r.requests as number,
  createdAt: (r.created_at as Date).toISOString(),
});

export async function fetchTargets(pg: Pool, status: string | null, skip: number, limit: number) {
  const rows = await runSql(pg, 'api/crawl/targets', [status, skip, limit]);
  const total = rows[0] ? Number(rows[0].total) : (await runSql<{ total: number }>(pg, 'api/crawl/targets-count', [status]))[0]!.total;
  return { rows: rows.map(toTarget), total };
}

/** Each source's pause, today's requests against its cap (setlist.fm's SETLISTFM_DAILY_CAP) and due targets. */
export async function fetchSources(pg: Pool, setlistfmDailyCap: number): Promise<SourceStateRow[]> {
  const rows = await runSql(pg, 'api/crawl/sources', [SOURCES]);
  return rows.map((r) => ({
    name: r.name,
    paused: r.paused_until !== null,
    pausedUntil: r.paused_until ? (r.paused_until as Date).toISOString() : null,
    pauseReason: r.pause_reason ?? null,
    requestsToday: r.requests_today,
    dailyCap: r.name === 'setlistfm' ? setlistfmDailyCap : null,
    dueTargets: r.due_targets,
  }));
}

export async function pauseSource(pg: Pool, source: string, minutes: number, reason: string | null): Promise<void> {
  await runSql(pg, 'api/crawl/source-pause', [source, minutes, reason]);
}

export async function resumeSource(pg: Pool, source: string): Promise<void> {
  await runSql(pg, 'api/crawl/source-resume', [source]);
}

export async function fetchCrawlRuns(pg: Pool, skip: number, limit: number): Promise<CrawlRunRow[]> {
  const rows = await runSql(pg, 'api/crawl/crawl-runs', [skip, limit]);
  return rows.map((r) => ({
    id: String(r.id),
    worker: r.worker,
    command: r.command,
    status: r.status,
    startedAt: (r.started_at as Date).toISOString(),
    finishedAt: r.finished_at ? (r.finished_at as Date).toISOString() : null,
    summary: r.summary ?? null,
  }));
}

/** Saves a request (one row per track, asking again counts); `approved` when the admin asked. */
export async function saveTrackRequest(pg: Pool, artist: string, title: string, key: string, approved: boolean): Promise<TrackRequestRow> {
  return toRequest((await runSql(pg, 'api/crawl/track-request-save', [artist, title, key, approved]))[0]!);
}

/** Approves a request: targets on every source, due now, and NOTIFY crawl_requested. null when there is no such request. */
export async function approveTrackRequest(pg: Pool, id: number): Promise<TrackRequestRow | null> {
  const [row] = await runSql(pg, 'api/crawl/track-request-approve', [id, SOURCES, NOTIFY_CHANNELS.crawlRequested]);
  return row ? toRequest(row) : null;
}

/** Rejects a pending request; null when it is not pending (see fetchTrackRequest for why). */
export async function rejectTrackRequest(pg: Pool, id: number): Promise<TrackRequestRow | null> {
  const [row] = await runSql(pg, 'api/crawl/track-request-reject', [id]);
  return row ? toRequest(row) : null;
}

export async function fetchTrackRequest(pg: Pool, id: number): Promise<TrackRequestRow | null> {
  const [row] = await runSql(pg, 'api/crawl/track-request-by-id', [id]);
  return row ? toRequest(row) : null;
}

export async function fetchTrackRequests(
  pg: Pool,
  status: TrackRequestStatus | null,
  skip: number,
  limit: number,
): Promise<TrackRequestRow[]> {
  return (await runSql(pg, 'api/crawl/track-requests', [status?.toLowerCase() ?? null, skip, limit])).map(toRequest);
}

/** The targets of each approved request, for DataLoader batches. */
export async function fetchRequestTargets(pg: Pool, ids: readonly string[]): Promise<Map<string, TargetRow[]>> {
  const rows = await runSql(pg, 'api/crawl/track-request-targets', [ids.map(Number)]);
  const byRequest = new Map<string, TargetRow[]>();
  for (const r of rows) {
    const key = String(r.request_id);
    byRequest.set(key, [...(byRequest.get(key) ?? []), toTarget(r)]);
  }
  return byRequest;
}
