-- One silver setlist per source identity: a later crawl of the same setlist, through any origin, updates it.
INSERT INTO silver.setlists (source, source_url, source_id, title, dj_credit, event, venue, location, date,
                             bronze_setlist_id, content_sha256, track_count, identified_count)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10, $11, $12, $13)
ON CONFLICT (source, source_id) DO UPDATE
  SET source_url = excluded.source_url, title = excluded.title, dj_credit = excluded.dj_credit, event = excluded.event,
      venue = excluded.venue, location = excluded.location, date = excluded.date,
      bronze_setlist_id = excluded.bronze_setlist_id, content_sha256 = excluded.content_sha256,
      track_count = excluded.track_count, identified_count = excluded.identified_count
RETURNING id
