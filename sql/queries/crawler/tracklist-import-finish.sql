-- A pasted tracklist's outcome. $1 id, $2 status (done | refused | failed), $3 reason, $4 setlist URL, $5 rows.
UPDATE ops.tracklist_imports
SET status = $2, reason = $3, setlist_url = $4, rows = $5, finished_at = now()
WHERE id = $1
