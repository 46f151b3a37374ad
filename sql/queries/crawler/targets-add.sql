-- One row per (target track, source); the same track typed differently is the same target.
INSERT INTO ops.target_track_searches (artist, title, source)
SELECT btrim($1), btrim($2), source FROM unnest($3::text[]) AS source
ON CONFLICT (lower(btrim(artist)), lower(btrim(title)), source) DO NOTHING
RETURNING id, source
