import type { Pool } from 'pg';

/** A hand-made silver setlist: parts of rows, each row a track name from `tracks` or null (unidentified). */
export interface HandMadeSetlist {
  url: string;
  djs: string[];
  date?: string;
  parts: (string | null)[][];
}

/**
 * Writes tracks (by name, artist credit "<prefix> Artist" unless given), DJs and setlists straight into silver,
 * the way the crawler's refine step does, and returns the track ids by name.
 */
export async function insertHandMadeSilver(
  pg: Pool,
  prefix: string,
  tracks: Record<string, string | undefined>,
  setlists: HandMadeSetlist[],
): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const [name, credit] of Object.entries(tracks)) {
    const { rows } = await pg.query('INSERT INTO silver.tracks (title, artist_credit, track_key) VALUES ($1, $2, $3) RETURNING id', [
      `${prefix} ${name}`,
      credit ?? `${prefix} Artist`,
      `${prefix}:${name}`,
    ]);
    ids[name] = Number(rows[0].id);
  }
  for (const setlist of setlists) await writeSetlist(pg, prefix, ids, setlist);
  return ids;
}

async function writeSetlist(pg: Pool, prefix: string, ids: Record<string, number>, setlist: HandMadeSetlist) {
  const { rows } = await pg.query(
    `INSERT INTO silver.setlists (source, source_url, title, date, content_sha256)
     VALUES ('mixesdb', $1, $1, $2, 'hand-made') RETURNING id`,
    [`${prefix}/${setlist.url}`, setlist.date ?? null],
  );
  const setlistId = Number(rows[0].id);
  for (const [position, dj] of setlist.djs.entries()) {
    const artist = await pg.query(
      `INSERT INTO silver.artists (name, name_key) VALUES ($1, $2)
       ON CONFLICT (name_key) DO UPDATE SET name = excluded.name RETURNING id`,
      [dj, `${prefix}:dj:${dj}`],
    );
    await pg.query('INSERT INTO silver.setlist_djs (setlist_id, artist_id, position) VALUES ($1, $2, $3)', [
      setlistId,
      artist.rows[0].id,
      position,
    ]);
  }
  await replaceSetlistRows(pg, setlistId, ids, setlist.parts);
  return setlistId;
}

/** Replaces a setlist's rows in one statement pair, as a re-crawl does. */
export async function replaceSetlistRows(
  pg: Pool,
  setlistId: number,
  ids: Record<string, number>,
  parts: (string | null)[][],
): Promise<void> {
  const rows = parts.flatMap((part, partIndex) =>
    part.map((name, i) => ({ partIndex, position: i + 1, trackId: name === null ? null : ids[name] })),
  );
  await pg.query('DELETE FROM silver.setlist_tracks WHERE setlist_id = $1', [setlistId]);
  await pg.query(
    `INSERT INTO silver.setlist_tracks (setlist_id, part_index, position, track_id)
     SELECT $1, r.part_index, r.position, r.track_id
     FROM jsonb_to_recordset($2::jsonb) AS r(part_index int, position int, track_id bigint)`,
    [setlistId, JSON.stringify(rows.map((r) => ({ part_index: r.partIndex, position: r.position, track_id: r.trackId })))],
  );
}

/** silver.transitions among the given tracks, as "A>B" -> { weight, djs, occurrences }. */
export async function readTransitions(pg: Pool, ids: Record<string, number>, view = 'silver.transitions') {
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  const { rows } = await pg.query(
    `SELECT from_track_id, to_track_id, weight, djs, first_seen::text, last_seen::text
     ${view === 'silver.transitions' ? ', occurrences' : ''}
     FROM ${view} WHERE from_track_id = ANY($1::bigint[]) ORDER BY from_track_id, to_track_id`,
    [Object.values(ids)],
  );
  return Object.fromEntries(
    rows.map((r) => [
      `${names[r.from_track_id]}>${names[r.to_track_id]}`,
      { weight: r.weight, djs: r.djs, ...(r.occurrences !== undefined ? { occurrences: r.occurrences } : {}) },
    ]),
  );
}
