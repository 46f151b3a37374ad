-- One silver setlist per source identity: a later crawl of the same setlist, through any origin, updates it.
-- A new one is written with the DJ keys of its DJs ($14, artist ids: migration 0017); an existing one keeps its
-- keys until its DJs are replaced (refresh_dj_keys).
INSERT INTO silver.setlists (source, source_url, source_id, title, dj_credit, event, venue, location, date,
                             bronze_setlist_id, content_sha256, track_count, identified_count, dj_keys)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10, $11, $12, $13, silver.dj_keys_of_artists($14::bigint[]))
ON CONFLICT (source, source_id) DO UPDATE
  SET source_url = excluded.source_url, title = excluded.title, dj_credit = excluded.dj_credit, event = excluded.event,
      venue = excluded.venue, location = excluded.location, date = excluded.date,
      bronze_setlist_id = excluded.bronze_setlist_id, content_sha256 = excluded.content_sha256,
      track_count = excluded.track_count, identified_count = excluded.identified_count
RETURNING id
