-- addTargetTrack: one row per source (the crawler's sql/queries/crawler/targets-add.sql twin, returning rows).
INSERT INTO ops.target_track_searches (artist, title, source)
SELECT btrim($1), btrim($2), source FROM unnest($3::text[]) AS source
ON CONFLICT (lower(btrim(artist)), lower(btrim(title)), source) DO UPDATE SET updated_at = now()
RETURNING id, artist, title, source, status, last_searched_at, next_search_after, results_found, setlists_found, last_error
