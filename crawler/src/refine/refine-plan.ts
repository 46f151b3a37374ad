import type { RefinedSetlist, RefinedTrack } from './setlist-content';

/** The first item of each key, in order. */
export function firstByKey<T>(items: Iterable<T>, keyOf: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.values()];
}

/**
 * What refining some setlists, in this order, upserts besides their rows: every track once, spelled as its first
 * row in that order writes it (the per-setlist refine and the batch agree whatever the batch size: silver keeps
 * the first spelling it stored); every artist once, first spelling in the order the per-setlist refine meets them
 * (a setlist's track credits, then its DJs); and the credit links of every row's spelling, first position wins.
 */
export interface RefinePlan {
  tracks: RefinedTrack[];
  artists: { name: string; key: string }[];
  /** every spelling's credits, by track key: a second spelling of a track adds its credits to the same track */
  credits: { trackKey: string; artistKey: string; role: RefinedTrack['credits'][number]['role']; position: number }[];
}

export function planRefine(contents: Pick<RefinedSetlist, 'rows' | 'djs'>[]): RefinePlan {
  const occurrences: RefinedTrack[] = [];
  const artists: { name: string; key: string }[] = [];
  for (const content of contents) {
    const tracks = content.rows.flatMap((r) => (r.track ? [r.track] : []));
    occurrences.push(...tracks);
    for (const t of tracks) artists.push(...t.credits);
    artists.push(...content.djs);
  }
  const credits = occurrences.flatMap((t) =>
    t.credits.map((c) => ({ trackKey: t.key, artistKey: c.key, role: c.role, position: c.position })),
  );
  return {
    tracks: firstByKey(occurrences, (t) => t.key),
    artists: firstByKey(artists, (a) => a.key).map((a) => ({ name: a.name, key: a.key })),
    credits: firstByKey(credits, (c) => `${c.trackKey}\u0000${c.artistKey}\u0000${c.role}`),
  };
}
