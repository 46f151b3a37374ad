-- approveTrackRequest (and requestTrack with the token): the request is approved, its track becomes a target on
-- every source ($2), due now, and running crawl workers are woken. $1 request id, $3 the channel
-- (contracts: NOTIFY_CHANNELS.crawlRequested).
WITH req AS (
  UPDATE ops.track_requests
  SET status = 'approved', updated_at = now(), decided_at = CASE WHEN status <> 'approved' THEN now() ELSE decided_at END
  WHERE id = $1
  RETURNING id, artist, title, status, requests, created_at
),
targets AS (
  INSERT INTO ops.target_track_searches (artist, title, source)
  SELECT req.artist, req.title, source FROM req CROSS JOIN unnest($2::text[]) AS source
  ON CONFLICT (lower(btrim(artist)), lower(btrim(title)), source) DO UPDATE SET next_search_after = now(), updated_at = now()
  RETURNING id
)
SELECT req.*, (SELECT count(*)::integer FROM targets) AS targets, pg_notify($3, 'track-request:' || req.id) FROM req
