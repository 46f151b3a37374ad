-- Imported entries' texts as bronze evidence, one statement per batch (import-page-save for many; the caller gives
-- each (source, url, body) once). Returns the id of every page, new or already there.
INSERT INTO bronze.pages AS p (source, url, kind, http_status, content_type, body, body_sha256, crawl_run_id)
SELECT e.source, e.url, 'import', NULL, e.content_type, e.body, encode(sha256(convert_to(e.body, 'UTF8')), 'hex'), $2
FROM jsonb_to_recordset($1::jsonb) AS e(source text, url text, content_type text, body text)
ON CONFLICT (source, url, body_sha256) DO UPDATE SET last_fetched_at = now()
RETURNING p.id, p.source, p.url, p.body_sha256
