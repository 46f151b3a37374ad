-- rejectTrackRequest: only a pending request can be rejected. $1 request id.
UPDATE ops.track_requests SET status = 'rejected', updated_at = now(), decided_at = now()
WHERE id = $1 AND status = 'pending'
RETURNING id, artist, title, status, requests, created_at
