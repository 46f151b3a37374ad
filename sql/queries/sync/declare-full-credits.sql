-- --full, third: the credits of every gold track, once artists and tracks are all in gold.
DECLARE sync_rows NO SCROLL CURSOR FOR
SELECT ta.track_id, ta.artist_id, ta.role
FROM silver.track_artists ta
JOIN silver.graph_tracks t ON t.id = ta.track_id
ORDER BY ta.track_id, ta.artist_id, ta.role
