-- importTracklist: queues a pasted tracklist for a crawl worker and wakes the workers. $1 body (the text file: header
-- lines, then the paste), $2 DJs, $3 date, $4 title, $5 source URL, $6 the channel (NOTIFY_CHANNELS.crawlRequested).
WITH queued AS (
  INSERT INTO ops.tracklist_imports (body, djs, date, title, source_url)
  VALUES ($1, $2::text[], $3::date, $4, $5)
  RETURNING id, status, reason, setlist_url, rows, created_at, finished_at
)
SELECT queued.*, pg_notify($6, 'tracklist-import:' || queued.id) FROM queued
