import { isValidArtistCredit } from '@songnodes/contracts';
import type { Driver } from 'neo4j-driver';
import { readCypher } from '../../db/run-cypher';
import { badInput } from '../../errors';

/** A gold track as the API hands it around (GraphQL type Track). */
export interface TrackRow {
  id: number;
  title: string;
  version: string | null;
  artistCredit: string;
  plays: number;
}

export interface ArtistRow {
  id: number;
  name: string;
}

export interface CreditRow {
  artist: ArtistRow;
  role: 'PRIMARY' | 'FEATURED' | 'REMIXER';
}

/**
 * The API's own artist-validity guard (ARCHITECTURE §3): the sync never projects an invalid-artist track, and
 * should one appear anyway, no response carries it.
 */
export function graphWorthy<T extends { artistCredit: string }>(rows: T[]): T[] {
  return rows.filter((row) => isValidArtistCredit(row.artistCredit));
}

export async function fetchTracksByIds(driver: Driver, ids: readonly number[]): Promise<Map<number, TrackRow>> {
  const rows = graphWorthy(await readCypher<TrackRow>(driver, 'api/tracks-by-id', { ids: [...ids] }));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function fetchCredits(driver: Driver, ids: readonly number[]): Promise<Map<number, CreditRow[]>> {
  const rows = await readCypher<{ trackId: number; artistId: number; name: string; role: string }>(driver, 'api/credits-by-track', {
    ids: [...ids],
  });
  const byTrack = new Map<number, CreditRow[]>();
  for (const row of rows) {
    const credit: CreditRow = { artist: { id: row.artistId, name: row.name }, role: row.role.toUpperCase() as CreditRow['role'] };
    byTrack.set(row.trackId, [...(byTrack.get(row.trackId) ?? []), credit]);
  }
  return byTrack;
}

export async function fetchArtist(driver: Driver, id: number): Promise<ArtistRow | null> {
  return (await readCypher<ArtistRow>(driver, 'api/artist-by-id', { id }))[0] ?? null;
}

export async function fetchArtistTracks(driver: Driver, id: number, first: number): Promise<TrackRow[]> {
  return graphWorthy(await readCypher<TrackRow>(driver, 'api/artist-tracks', { id, first }));
}

/** Lucene's special characters, escaped so a search string is only ever words. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * The full-text query for what a person typed: each word escaped, lower-cased (so AND/OR/NOT are words, not
 * operators) and required, the last one as a prefix so suggestions work while typing.
 */
export function toFulltextQuery(text: string): string {
  const words = text.normalize('NFKC').toLowerCase().replace(LUCENE_SPECIAL, ' ').split(/\s+/).filter(Boolean).slice(0, 12);
  if (words.length === 0) throw badInput('query must contain at least one letter or digit', 'query');
  return words.map((word, i) => `+${word}${i === words.length - 1 ? '*' : ''}`).join(' ');
}

export async function searchTracks(driver: Driver, text: string, skip: number, limit: number) {
  const rows = await readCypher<TrackRow & { score: number }>(driver, 'api/search-tracks', {
    query: toFulltextQuery(text),
    skip,
    limit,
  });
  return graphWorthy(rows);
}
