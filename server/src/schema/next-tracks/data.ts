import type { Pool } from 'pg';
import { runSql } from '../../db/run-sql';

/**
 * How much each kind of evidence counts next to one direct transition (sql/queries/api/next-tracks.sql).
 * Chosen by reasoning, not fitted to the benchmark's test pairs: DJs, recency and popularity only break ties
 * between equal transition counts (at most ~0.3 together for a typical edge); another version's transition
 * counts half a direct one; two-hop and co-occurrence come in where direct evidence is thin. bench/next-track
 * shows each step's effect on real tracklists.
 */
export const NEXT_TRACK_WEIGHTS = {
  djs: 0.1,
  recency: 0.05,
  otherVersions: 0.5,
  twoHop: 0.3,
  sharedSetlists: 0.2,
  popularity: 0.05,
} as const;

export type NextTrackWeights = { [K in keyof typeof NEXT_TRACK_WEIGHTS]: number };

export type NextTrackEvidence = 'DIRECT' | 'OTHER_VERSION' | 'TWO_HOP' | 'SAME_SETLIST';

export interface NextTrackRow {
  id: number;
  score: number;
  transitions: number;
  djs: number;
  lastSeen: string | null;
  viaOtherVersions: number;
  viaTwoHops: number;
  sharedSetlists: number;
  evidence: NextTrackEvidence;
}

/** The evidence a suggestion rests on most, strongest kind first. */
export function strongestEvidence(row: Pick<NextTrackRow, 'transitions' | 'viaOtherVersions' | 'viaTwoHops'>): NextTrackEvidence {
  if (row.transitions > 0) return 'DIRECT';
  if (row.viaOtherVersions > 0) return 'OTHER_VERSION';
  if (row.viaTwoHops > 0) return 'TWO_HOP';
  return 'SAME_SETLIST';
}

/** The ranked suggestions after `trackId` (ids; the resolver loads the tracks). */
export async function fetchNextTracks(
  pg: Pool,
  trackId: number,
  first: number,
  weights: NextTrackWeights = NEXT_TRACK_WEIGHTS,
): Promise<NextTrackRow[]> {
  const rows = await runSql(pg, 'api/next-tracks', [
    trackId,
    first,
    weights.djs,
    weights.recency,
    weights.otherVersions,
    weights.twoHop,
    weights.sharedSetlists,
    weights.popularity,
  ]);
  return rows.map((r) => {
    const row = {
      id: Number(r.id),
      score: Number(r.score),
      transitions: r.transitions,
      djs: r.djs,
      lastSeen: r.last_seen,
      viaOtherVersions: r.via_versions,
      viaTwoHops: r.via_two_hops,
      sharedSetlists: r.shared_setlists,
    };
    return { ...row, evidence: strongestEvidence(row) };
  });
}
