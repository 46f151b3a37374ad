-- import-item-save for a batch, in the batch's own transaction: an entry is recorded exactly when its setlist is.
INSERT INTO ops.import_items (import_id, entry_key, line, entry_sha256, page_id, source, source_url, outcome, reason, rows)
SELECT $1, i.entry_key, i.line, i.entry_sha256, i.page_id, i.source, i.source_url, i.outcome, i.reason, i.rows
FROM jsonb_to_recordset($2::jsonb) AS i(entry_key text, line int, entry_sha256 text, page_id bigint, source text,
     source_url text, outcome text, reason text, rows int)
ON CONFLICT (import_id, entry_key) DO NOTHING
