import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import { readCypher } from '../../db/run-cypher';
import { runSql } from '../../db/run-sql';
import type { Direction, TransitionRow } from '../graph/data';
import { graphWorthy, type TrackRow } from '../tracks/data';
import { lensParams, type Lens } from './lens';

export type TransitionOrder = 'WEIGHT' | 'DJS' | 'LAST_SEEN' | 'FIRST_SEEN';

export interface DjRow {
  id: string;
  name: string;
  setlists: number;
  firstDate: string | null;
  lastDate: string | null;
}

interface EdgeSqlRow {
  from_id: string;
  to_id: string;
  weight: number;
  djs: number;
  first_seen: string | null;
  last_seen: string | null;
}

const toTransition = (r: EdgeSqlRow): TransitionRow => ({
  fromId: Number(r.from_id),
  toId: Number(r.to_id),
  weight: r.weight,
  djs: r.djs,
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
});

/** The most played tracks: gold without a lens, silver's lens setlists with one. */
export async function fetchTopTracks(driver: Driver, pg: Pool, lens: Lens | null, skip: number, limit: number): Promise<TrackRow[]> {
  if (!lens) return graphWorthy(await readCypher<TrackRow>(driver, 'api/top-tracks', { skip, limit }));
  const rows = await runSql(pg, 'api/explore/lens-top-tracks', [...lensParams(lens), skip, limit]);
  return rows.map((r) => ({ id: Number(r.id), title: r.title, version: r.version, artistCredit: r.artist_credit, plays: r.plays }));
}

/** What is played right before (IN) or after (OUT) a track, one row per transition, in `orderBy`'s order. */
export async function fetchTrackTransitions(
  driver: Driver,
  pg: Pool,
  args: { trackId: number; outgoing: boolean; orderBy: TransitionOrder; lens: Lens | null; skip: number; limit: number },
): Promise<TransitionRow[]> {
  const { trackId, outgoing, orderBy, lens, skip, limit } = args;
  if (!lens) return readCypher<TransitionRow>(driver, 'api/track-transitions', { trackId, outgoing, orderBy, skip, limit });
  const rows = await runSql<EdgeSqlRow>(pg, 'api/explore/lens-transitions', [...lensParams(lens), trackId, outgoing, orderBy, skip, limit]);
  return rows.map((r) => ({ ...toTransition(r), lens }));
}

/** The transitions touching `ids` under a lens, strongest first (neighbourhood and path with a lens). */
export async function fetchLensEdges(
  pg: Pool,
  lens: Lens,
  ids: readonly number[],
  direction: Direction,
  minWeight: number,
): Promise<TransitionRow[]> {
  const rows = await runSql<EdgeSqlRow>(pg, 'api/explore/lens-edges', [...lensParams(lens), [...ids], direction, minWeight]);
  return rows.map((r) => ({ ...toTransition(r), lens }));
}

/** LIKE's wildcards taken literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function fetchDjs(pg: Pool, query: string | null, skip: number, limit: number, ids: number[] | null = null): Promise<DjRow[]> {
  const prefix = query === null ? null : escapeLike(query.normalize('NFKC').toLowerCase());
  const rows = await runSql(pg, 'api/explore/djs', [prefix, skip, limit, ids]);
  return rows.map((r) => ({ id: String(r.id), name: r.name, setlists: r.setlists, firstDate: r.first_date, lastDate: r.last_date }));
}

export async function fetchDateRange(pg: Pool): Promise<{ from: string | null; to: string | null }> {
  const [row] = await runSql<{ from: string | null; to: string | null }>(pg, 'api/explore/date-range');
  return { from: row?.from ?? null, to: row?.to ?? null };
}
