-- Claims the oldest queued pasted tracklist (importTracklist), or one whose worker went away while importing it
-- (started more than 10 minutes ago). Several workers can claim at once: SKIP LOCKED. Committed at once, so the API
-- shows IMPORTING while the worker stores it.
UPDATE ops.tracklist_imports t
SET status = 'importing', started_at = now(), attempts = t.attempts + 1
WHERE t.id = (
  SELECT id FROM ops.tracklist_imports
  WHERE status = 'queued' OR (status = 'importing' AND started_at < now() - interval '10 minutes')
  ORDER BY id
  FOR UPDATE SKIP LOCKED
  LIMIT 1
)
RETURNING t.id, t.body, t.attempts
