-- --full, last: every gold edge (silver.graph_transitions), in key order so each batch touches neighbouring nodes.
DECLARE sync_rows NO SCROLL CURSOR FOR
SELECT g.from_track_id, g.to_track_id, g.weight, g.djs, g.first_seen::text AS first_seen,
       g.last_seen::text AS last_seen, true AS in_gold
FROM silver.graph_transitions g
ORDER BY g.from_track_id, g.to_track_id
