import type { Pool } from 'pg';

/**
 * One md5 per silver table, over its rows written with natural keys instead of ids (identity sequences advance
 * differently when transactions die with a killed worker) and without timestamps or transaction ids. Two crawls
 * that stored the same thing give equal checksums, whatever order and however many runs it took. A setlist's URL
 * is compared without its origin: two replay servers listen on two ports.
 */
const PATH = (column: string) => `regexp_replace(${column}, '^[a-z]+://[^/]+', '')`;
const TABLES: Record<string, string> = {
  artists: `SELECT name_key || '|' || name FROM silver.artists`,
  tracks: `SELECT concat_ws('|', track_key, title, version, artist_credit, plays, label) FROM silver.tracks`,
  track_artists: `SELECT concat_ws('|', t.track_key, a.name_key, ta.role, ta.position)
                  FROM silver.track_artists ta JOIN silver.tracks t ON t.id = ta.track_id JOIN silver.artists a ON a.id = ta.artist_id`,
  setlists: `SELECT concat_ws('|', source, ${PATH('source_url')}, source_id, title, dj_credit, event, venue, location, date,
                              content_sha256, track_count, identified_count) FROM silver.setlists`,
  setlist_djs: `SELECT concat_ws('|', ${PATH('s.source_url')}, a.name_key, d.position)
                FROM silver.setlist_djs d JOIN silver.setlists s ON s.id = d.setlist_id JOIN silver.artists a ON a.id = d.artist_id`,
  setlist_tracks: `SELECT concat_ws('|', ${PATH('s.source_url')}, st.part_index, st.part_name, st.position, t.track_key, st.cue, st.raw)
                   FROM silver.setlist_tracks st JOIN silver.setlists s ON s.id = st.setlist_id LEFT JOIN silver.tracks t ON t.id = st.track_id`,
  transitions: `SELECT concat_ws('|', f.track_key, t.track_key, tr.weight, tr.djs, tr.occurrences, tr.first_seen, tr.last_seen)
                FROM silver.transitions tr JOIN silver.tracks f ON f.id = tr.from_track_id JOIN silver.tracks t ON t.id = tr.to_track_id`,
};

/** `{ table: "<rows>:<md5>" }` for every silver table above. */
export async function silverChecksum(pool: Pool): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [table, rowsSql] of Object.entries(TABLES)) {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS sum FROM (${rowsSql}) AS x(r)`,
    );
    result[table] = `${rows[0].n}:${rows[0].sum}`;
  }
  return result;
}
