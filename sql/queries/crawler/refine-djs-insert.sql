INSERT INTO silver.setlist_djs (setlist_id, artist_id, position)
SELECT $1, d.artist_id, min(d.position)
FROM jsonb_to_recordset($2::jsonb) AS d(artist_id bigint, position int)
GROUP BY d.artist_id
