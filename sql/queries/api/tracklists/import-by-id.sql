-- tracklistImport(id).
SELECT id, status, reason, setlist_url, rows, created_at, finished_at FROM ops.tracklist_imports WHERE id = $1
