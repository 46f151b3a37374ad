-- The same body fetched again is the same evidence: only last_fetched_at moves.
INSERT INTO bronze.pages (source, url, kind, http_status, content_type, body, body_sha256, crawl_run_id)
VALUES ($1, $2, $3, $4, $5, $6, encode(sha256(convert_to($6, 'UTF8')), 'hex'), $7)
ON CONFLICT (source, url, body_sha256) DO UPDATE SET last_fetched_at = now()
RETURNING id
