-- Claims one due target of the given sources. The row lock is held by the caller's open transaction for as long
-- as the target is being crawled: other workers skip it, and if this worker dies the lock goes with its
-- connection, so the target is claimable again at once.
SELECT id, artist, title, source, attempts
FROM ops.target_track_searches
WHERE source = ANY($1::text[])
  AND ($2::boolean OR next_search_after <= now())
  AND id <> ALL($3::bigint[])
ORDER BY next_search_after, id
FOR UPDATE SKIP LOCKED
LIMIT 1
