-- --full, second: every gold track (silver.graph_tracks); their credits follow (declare-full-credits).
DECLARE sync_rows NO SCROLL CURSOR FOR
SELECT t.id, t.title, t.version, t.artist_credit, t.plays, true AS in_gold
FROM silver.graph_tracks t
ORDER BY t.id
