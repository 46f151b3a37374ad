-- requestTrack: one row per track (request_key); asking again counts. $1 artist, $2 title, $3 request_key,
-- $4 true when the admin asked (the request is approved; an earlier decision is overruled), false for an anonymous
-- request (queued as pending, or left as it was decided).
INSERT INTO ops.track_requests AS r (artist, title, request_key, status, decided_at)
VALUES ($1, $2, $3, CASE WHEN $4::boolean THEN 'approved' ELSE 'pending' END, CASE WHEN $4::boolean THEN now() END)
ON CONFLICT (request_key) DO UPDATE
  SET requests = r.requests + 1,
      updated_at = now(),
      status = CASE WHEN $4::boolean THEN 'approved' ELSE r.status END,
      decided_at = CASE WHEN $4::boolean AND r.status <> 'approved' THEN now() ELSE r.decided_at END
RETURNING id, artist, title, status, requests, created_at
