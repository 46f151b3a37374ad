// The checker: does gold hold exactly what silver says it should? Counts and order-independent checksums computed
// on both sides with the same integer hash (sql/queries/sync/check-silver.sql, cypher/sync/check-gold.cypher).
// Meant for a quiet moment (tests, after a sync, `npm run sync -- --check`): a write in between makes them differ.
import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import { cypherQuery, sqlQuery } from '../db/statements';

/** Counts and checksums of one side; checksums are decimal strings (exact, whatever their size). */
export interface GoldFingerprint {
  tracks: number;
  artists: number;
  credits: number;
  transitions: number;
  /** sum of hash(id, plays) */
  trackSum: string;
  artistSum: string;
  /** sum of hash(artist, track, role) */
  creditSum: string;
  /** sum of hash(from, to, weight) */
  edgeSum: string;
  /** sum of hash(from, to, djs, firstSeen, lastSeen) */
  edgeDetailSum: string;
}

export interface GoldCheck {
  equal: boolean;
  silver: GoldFingerprint;
  gold: GoldFingerprint;
  /** the fields that differ, e.g. ["transitions", "edgeSum"] */
  differences: (keyof GoldFingerprint)[];
}

export async function fingerprintSilver(pg: Pool): Promise<GoldFingerprint> {
  const { rows } = await pg.query(sqlQuery('sync/check-silver'));
  const r = rows[0] as Record<string, string | number>;
  return {
    tracks: Number(r.tracks),
    artists: Number(r.artists),
    credits: Number(r.credits),
    transitions: Number(r.transitions),
    trackSum: String(r.track_sum),
    artistSum: String(r.artist_sum),
    creditSum: String(r.credit_sum),
    edgeSum: String(r.edge_sum),
    edgeDetailSum: String(r.edge_detail_sum),
  };
}

export async function fingerprintGold(neo4j: Driver): Promise<GoldFingerprint> {
  const { records } = await neo4j.executeQuery(cypherQuery('sync/check-gold'), {}, { routing: 'READ' });
  const r = records[0]!;
  return {
    tracks: Number(r.get('tracks')),
    artists: Number(r.get('artists')),
    credits: Number(r.get('credits')),
    transitions: Number(r.get('transitions')),
    trackSum: String(r.get('trackSum')),
    artistSum: String(r.get('artistSum')),
    creditSum: String(r.get('creditSum')),
    edgeSum: String(r.get('edgeSum')),
    edgeDetailSum: String(r.get('edgeDetailSum')),
  };
}

/** Compares both sides; `equal` only when every count and checksum agrees. */
export async function checkGold(deps: { pg: Pool; neo4j: Driver }): Promise<GoldCheck> {
  const [silver, gold] = await Promise.all([fingerprintSilver(deps.pg), fingerprintGold(deps.neo4j)]);
  const differences = (Object.keys(silver) as (keyof GoldFingerprint)[]).filter((key) => silver[key] !== gold[key]);
  return { equal: differences.length === 0, silver, gold, differences };
}
