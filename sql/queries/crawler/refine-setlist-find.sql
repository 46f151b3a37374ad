-- The silver setlist of one source identity (docs/identity.md), locked for the refine that may replace it.
SELECT id, content_sha256 FROM silver.setlists WHERE source = $1 AND source_id = $2 FOR UPDATE
