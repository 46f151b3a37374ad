-- What one entry of an import became. Written after its setlist is stored; a second write of the same entry (a run
-- that stored it again after a kill between the two) changes nothing.
INSERT INTO ops.import_items (import_id, entry_key, line, entry_sha256, page_id, source, source_url, outcome, reason, rows)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
ON CONFLICT (import_id, entry_key) DO NOTHING
