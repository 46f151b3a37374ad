import type { Pool } from 'pg';
import { sqlQuery } from '../../db/statements';

export interface StatsRow {
  tracks: number;
  artists: number;
  transitions: number;
  setlists: number;
  performances: number;
  djs: number;
  sources: { source: string; setlists: number }[];
  lastSyncAt: Date | null;
  lastCrawlAt: Date | null;
  lastImportAt: Date | null;
}

/** Counts of the graph-worthy data and the last sync/crawl times (sql/queries/stats/counts.sql). */
export async function readStats(pg: Pool): Promise<StatsRow> {
  const { rows } = await pg.query(sqlQuery('stats/counts'));
  const row = rows[0];
  return {
    tracks: row.tracks,
    artists: row.artists,
    transitions: row.transitions,
    setlists: row.setlists,
    performances: row.performances,
    djs: row.djs,
    sources: row.sources,
    lastSyncAt: row.last_sync_at,
    lastCrawlAt: row.last_crawl_at,
    lastImportAt: row.last_import_at,
  };
}
