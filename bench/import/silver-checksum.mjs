// The same fingerprint of silver as crawler/test/support/silver-checksum.ts (natural keys, not ids), for benchmarks
// that must show two ways of writing stored the same thing.
export const SILVER_CHECKSUM_SQL = `
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
  )) AS checksum`;
