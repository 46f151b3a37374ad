import DataLoader from 'dataloader';
import type { Driver } from 'neo4j-driver';
import type { Pool } from 'pg';
import { fetchSetlistsForPairs, fetchStrongest, type SetlistRow, type TransitionRow } from './schema/graph/data';
import type { Lens } from './schema/explore/lens';
import { fetchCredits, fetchTracksByIds, type CreditRow, type TrackRow } from './schema/tracks/data';

/**
 * Per-request batching: every track, credit list, strongest-transition list and setlist page a query asks for
 * in one tick is read in one database call, so a neighbourhood of 500 nodes is not 500 round trips.
 */
export function createLoaders(driver: Driver, pg: Pool) {
  const track = new DataLoader<number, TrackRow | null>(async (ids) => {
    const found = await fetchTracksByIds(driver, ids);
    return ids.map((id) => found.get(id) ?? null);
  });
  const credits = new DataLoader<number, CreditRow[]>(async (ids) => {
    const found = await fetchCredits(driver, ids);
    return ids.map((id) => found.get(id) ?? []);
  });
  /** key: "in|out:<first>:<trackId>" */
  const strongest = new DataLoader<string, TransitionRow[]>(async (keys) => {
    const groups = new Map<string, number[]>();
    for (const key of keys) {
      const [direction, first, id] = key.split(':');
      const group = `${direction}:${first}`;
      groups.set(group, [...(groups.get(group) ?? []), Number(id)]);
    }
    const results = new Map<string, TransitionRow[]>();
    await Promise.all(
      [...groups].map(async ([group, ids]) => {
        const [direction, first] = group.split(':');
        const found = await fetchStrongest(driver, ids, direction === 'out', Number(first));
        for (const id of ids) results.set(`${group}:${id}`, found.get(id) ?? []);
      }),
    );
    return keys.map((key) => results.get(key) ?? []);
  });
  /** key: "<fromId>:<toId>" without a lens, "<fromId>:<toId>|<lens as JSON>" under one: one query per lens */
  const setlists = new DataLoader<string, SetlistRow[]>(async (keys) => {
    const byLens = new Map<string, string[]>();
    for (const key of keys) {
      const bar = key.indexOf('|');
      const lens = bar < 0 ? '' : key.slice(bar + 1);
      byLens.set(lens, [...(byLens.get(lens) ?? []), bar < 0 ? key : key.slice(0, bar)]);
    }
    const results = new Map<string, SetlistRow[]>();
    await Promise.all(
      [...byLens].map(async ([lensJson, pairKeys]) => {
        const lens = lensJson === '' ? null : (JSON.parse(lensJson) as Lens);
        const pairs = pairKeys.map((key) => {
          const [fromId, toId] = key.split(':').map(Number);
          return { fromId: fromId as number, toId: toId as number };
        });
        const found = await fetchSetlistsForPairs(pg, pairs, lens);
        for (const key of pairKeys) results.set(lensJson === '' ? key : `${key}|${lensJson}`, found.get(key) ?? []);
      }),
    );
    return keys.map((key) => results.get(key) ?? []);
  });
  return {
    track,
    credits,
    strongest,
    setlists,
    /** tracks a query already read whole (a neighbourhood's nodes) need no second read */
    primeTracks(rows: TrackRow[]) {
      for (const row of rows) track.prime(row.id, row);
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
