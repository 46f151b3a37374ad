-- trackRequests(status): newest first. $1 status (null: any), $2 offset, $3 limit.
SELECT id, artist, title, status, requests, created_at
FROM ops.track_requests
WHERE $1::text IS NULL OR status = $1::text
ORDER BY created_at DESC, id DESC
OFFSET $2 LIMIT $3
