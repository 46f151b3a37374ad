INSERT INTO silver.track_artists (track_id, artist_id, role, position)
SELECT c.track_id, c.artist_id, c.role, c.position
FROM jsonb_to_recordset($1::jsonb) AS c(track_id bigint, artist_id bigint, role text, position int)
ORDER BY c.track_id, c.artist_id, c.role
ON CONFLICT (track_id, artist_id, role) DO NOTHING
