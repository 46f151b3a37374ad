-- refine-setlist-upsert for a batch (each identity once). Returns every id with its identity. A new setlist is
-- written with the DJ keys of its DJs (dj_artist_ids: migration 0017); an existing one keeps its keys until its
-- DJs are replaced (refresh_dj_keys).
INSERT INTO silver.setlists AS s (source, source_url, source_id, title, dj_credit, event, venue, location, date,
                                  bronze_setlist_id, content_sha256, track_count, identified_count, dj_keys)
SELECT w.source, w.source_url, w.source_id, w.title, w.dj_credit, w.event, w.venue, w.location, w.date,
       w.bronze_setlist_id, w.content_sha256, w.track_count, w.identified_count, silver.dj_keys_of_artists(w.dj_artist_ids)
FROM jsonb_to_recordset($1::jsonb) AS w(source text, source_url text, source_id text, title text,
     dj_credit text, event text, venue text, location text, date date, bronze_setlist_id bigint, content_sha256 text,
     track_count int, identified_count int, dj_artist_ids bigint[])
ON CONFLICT (source, source_id) DO UPDATE
  SET source_url = excluded.source_url, title = excluded.title, dj_credit = excluded.dj_credit, event = excluded.event,
      venue = excluded.venue, location = excluded.location, date = excluded.date,
      bronze_setlist_id = excluded.bronze_setlist_id, content_sha256 = excluded.content_sha256,
      track_count = excluded.track_count, identified_count = excluded.identified_count
RETURNING s.id, s.source, s.source_id
