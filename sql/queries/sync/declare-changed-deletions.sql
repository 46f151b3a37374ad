-- Incremental, first: rows deleted from silver since the watermark ($1, xid8), from their events (0006).
-- kind: track_deleted | artist_deleted | transition_deleted (id = from, to_id = to).
DECLARE sync_rows NO SCROLL CURSOR FOR
SELECT e.kind, e.id, e.to_id
FROM silver.sync_events e
WHERE e.changed_xid >= $1::xid8 AND e.kind IN ('track_deleted', 'artist_deleted', 'transition_deleted')
