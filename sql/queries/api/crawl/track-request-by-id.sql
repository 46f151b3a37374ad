SELECT id, artist, title, status, requests, created_at FROM ops.track_requests WHERE id = $1
