-- Entries with these content hashes ($1) stored by any import (another file, an edited copy of this one): the same
-- text gives the same setlist (or the same refusal to refine it), so it is not parsed again.
SELECT DISTINCT ON (entry_sha256) entry_sha256, page_id, source, source_url, outcome, reason
FROM ops.import_items
WHERE entry_sha256 = ANY ($1::text[]) AND outcome IN ('written', 'unchanged', 'not-refined')
ORDER BY entry_sha256, imported_at
