SELECT id, track_key FROM silver.tracks WHERE track_key = ANY($1::text[])
