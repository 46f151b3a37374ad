-- An imported entry's text as bronze evidence: kind 'import', no HTTP status (nothing was fetched), url
-- `import:<file name>#<entry>`. The same text imported again is the same evidence: only last_fetched_at moves.
INSERT INTO bronze.pages (source, url, kind, http_status, content_type, body, body_sha256, crawl_run_id)
VALUES ($1, $2, 'import', NULL, $3, $4, encode(sha256(convert_to($4, 'UTF8')), 'hex'), $5)
ON CONFLICT (source, url, body_sha256) DO UPDATE SET last_fetched_at = now()
RETURNING id
