import { NOTIFY_CHANNELS } from '@songnodes/contracts';
import type { Pool } from 'pg';
import { runSql } from '../../db/run-sql';

export interface TargetRow {
  id: number;
  artist: string;
  title: string;
  source: string;
  status: string;
  lastSearchedAt: string | null;
  nextSearchAfter: string;
  resultsFound: number;
  setlistsFound: number;
  lastError: string | null;
}

export const SOURCES = ['mixesdb', '1001tracklists', 'setlistfm'];

export function toTarget(r: Record<string, unknown>): TargetRow {
  return {
    id: Number(r.id),
    artist: r.artist as string,
    title: r.title as string,
    source: r.source as string,
    status: r.status as string,
    lastSearchedAt: r.last_searched_at ? (r.last_searched_at as Date).toISOString() : null,
    nextSearchAfter: (r.next_search_after as Date).toISOString(),
    resultsFound: r.results_found as number,
    setlistsFound: r.setlists_found as number,
    lastError: (r.last_error as string | null) ?? null,
  };
}

export async function addTarget(pg: Pool, artist: string, title: string): Promise<TargetRow[]> {
  return (await runSql(pg, 'api/target-add', [artist, title, SOURCES])).map(toTarget);
}

export async function requestCrawl(pg: Pool, id: number): Promise<TargetRow | null> {
  const [row] = await runSql(pg, 'api/target-request-crawl', [id, NOTIFY_CHANNELS.crawlRequested]);
  return row ? toTarget(row) : null;
}

export async function requestSync(pg: Pool): Promise<void> {
  await runSql(pg, 'api/request-sync', [NOTIFY_CHANNELS.silverChanged]);
}
