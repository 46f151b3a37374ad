import type { Pool } from 'pg';

/**
 * A fingerprint of everything silver holds, by natural keys instead of ids (a killed run burns sequence values, so
 * ids differ between two runs that stored the same thing): setlists, their rows with track keys, tracks with plays,
 * transitions with weight/djs/occurrences/dates, credits and DJs.
 */
export async function silverChecksum(pool: Pool): Promise<{ checksum: string; setlists: number; rows: number; transitions: number }> {
  const { rows } = await pool.query(`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(concat_ws(';', source, source_url, source_id, title, dj_credit, date, content_sha256, track_count, identified_count), E'\\n' ORDER BY source, source_url) FROM silver.setlists),
      (SELECT string_agg(concat_ws(';', s.source_url, st.part_index, st.position, t.track_key, st.cue, st.raw), E'\\n' ORDER BY s.source_url, st.part_index, st.position)
         FROM silver.setlist_tracks st JOIN silver.setlists s ON s.id = st.setlist_id LEFT JOIN silver.tracks t ON t.id = st.track_id),
      (SELECT string_agg(concat_ws(';', track_key, title, version, artist_credit, plays), E'\\n' ORDER BY track_key) FROM silver.tracks),
      (SELECT string_agg(concat_ws(';', f.track_key, t.track_key, tr.weight, tr.djs, tr.occurrences, tr.first_seen, tr.last_seen), E'\\n' ORDER BY f.track_key, t.track_key)
         FROM silver.transitions tr JOIN silver.tracks f ON f.id = tr.from_track_id JOIN silver.tracks t ON t.id = tr.to_track_id),
      (SELECT string_agg(concat_ws(';', t.track_key, a.name_key, ta.role, ta.position), E'\\n' ORDER BY t.track_key, a.name_key, ta.role)
         FROM silver.track_artists ta JOIN silver.tracks t ON t.id = ta.track_id JOIN silver.artists a ON a.id = ta.artist_id),
      (SELECT string_agg(concat_ws(';', s.source_url, a.name_key, d.position), E'\\n' ORDER BY s.source_url, d.position)
         FROM silver.setlist_djs d JOIN silver.setlists s ON s.id = d.setlist_id JOIN silver.artists a ON a.id = d.artist_id)
    )) AS checksum,
    (SELECT count(*)::int FROM silver.setlists) AS setlists,
    (SELECT count(*)::int FROM silver.setlist_tracks) AS rows,
    (SELECT count(*)::int FROM silver.transitions WHERE weight > 0) AS transitions`);
  return rows[0];
}
