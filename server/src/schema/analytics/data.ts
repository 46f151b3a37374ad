import type { Driver } from 'neo4j-driver';
import { readCypher, writeCypher } from '../../db/run-cypher';

export interface CommunityRow {
  id: number;
  size: number;
  topTrackIds: number[];
}

/** Tracks label propagation starts from (the most played), and its rounds at most. */
const COMMUNITY_SCOPE = 5_000;
const MAX_ROUNDS = 10;

export async function fetchBridgeTracks(driver: Driver, first: number) {
  return readCypher<{ id: number; score: number }>(driver, 'analytics/bridge-tracks', { candidates: 300, first });
}

/**
 * Label propagation in plain Cypher (cypher/analytics/communities-*.cypher): initialise, then rounds until no
 * label changes (or MAX_ROUNDS), then read. The labels are a derived property, recomputed when the graph changed;
 * `graphVersion` (the last sync time) decides, and one computation at a time runs per server.
 */
export class CommunityCache {
  private computed: { version: string; running: Promise<void> } | null = null;

  async read(driver: Driver, graphVersion: string, minSize: number, first: number): Promise<CommunityRow[]> {
    if (this.computed?.version !== graphVersion) {
      this.computed = { version: graphVersion, running: this.compute(driver) };
      this.computed.running.catch(() => {
        this.computed = null;
      });
    }
    await this.computed.running;
    const rows = await readCypher<{ community: number; size: number; topTrackIds: number[] }>(driver, 'analytics/communities-read', {
      minSize,
      first,
    });
    return rows.map((r) => ({ id: r.community, size: r.size, topTrackIds: r.topTrackIds }));
  }

  private async compute(driver: Driver): Promise<void> {
    await writeCypher(driver, 'analytics/communities-init', { scope: COMMUNITY_SCOPE });
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const [result] = await writeCypher<{ changed: number }>(driver, 'analytics/communities-round', {});
      if (!result || result.changed === 0) break;
    }
  }
}
