import type { Driver } from 'neo4j-driver';
import { readCypher } from '../../db/run-cypher';

export interface CommunityRow {
  id: number;
  size: number;
  topTrackIds: number[];
}

export async function fetchBridgeTracks(driver: Driver, first: number) {
  return readCypher<{ id: number; score: number }>(driver, 'analytics/bridge-tracks', { candidates: 300, first });
}

/**
 * The communities stored in this gold instance by the sync's community job (server/src/sync/communities.ts), which
 * runs after a sync that changed gold or on requestSync. Only a read: empty until the job first ran.
 */
export async function fetchCommunities(driver: Driver, minSize: number, first: number): Promise<CommunityRow[]> {
  const rows = await readCypher<{ community: number; size: number; topTrackIds: number[] }>(driver, 'analytics/communities-read', {
    minSize,
    first,
  });
  return rows.map((r) => ({ id: r.community, size: r.size, topTrackIds: r.topTrackIds }));
}
