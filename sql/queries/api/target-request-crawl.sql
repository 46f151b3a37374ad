-- requestCrawl: the target is due now, and running crawler workers are woken (`npm run crawl -- worker`).
-- $2: the channel (contracts: NOTIFY_CHANNELS.crawlRequested).
WITH due AS (
  UPDATE ops.target_track_searches SET next_search_after = now(), updated_at = now() WHERE id = $1
  RETURNING id, artist, title, source, status, last_searched_at, next_search_after, results_found, setlists_found, last_error
)
SELECT due.*, pg_notify($2, due.id::text) FROM due
