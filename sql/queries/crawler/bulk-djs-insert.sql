-- refine-djs-insert for a batch: one statement, so the DJ-key refresh and its regrouping run once.
INSERT INTO silver.setlist_djs (setlist_id, artist_id, position)
SELECT d.setlist_id, d.artist_id, min(d.position)
FROM jsonb_to_recordset($1::jsonb) AS d(setlist_id bigint, artist_id bigint, position int)
GROUP BY d.setlist_id, d.artist_id
