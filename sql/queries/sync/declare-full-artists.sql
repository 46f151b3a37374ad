-- --full, first: the artists credited on some gold track (ARCHITECTURE §4), each once.
DECLARE sync_rows NO SCROLL CURSOR FOR
SELECT a.id, a.name
FROM silver.artists a
WHERE EXISTS (
  SELECT 1 FROM silver.track_artists ta JOIN silver.graph_tracks t ON t.id = ta.track_id WHERE ta.artist_id = a.id
)
ORDER BY a.id
