-- refine-setlist-find for a batch: the silver setlists of these identities ($1 sources, $2 source ids), locked in id
-- order for the refine that may replace them (the caller holds refine-lock first).
SELECT s.id, s.source, s.source_id, s.content_sha256
FROM silver.setlists s
JOIN unnest($1::text[], $2::text[]) AS w(source, source_id) ON s.source = w.source AND s.source_id = w.source_id
ORDER BY s.id
FOR UPDATE OF s
