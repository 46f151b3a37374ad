-- Incremental, first: rows deleted from silver since the watermark, from their events (0006).
-- $1: the snapshot the watermark's run read (pg_snapshot). "Since" means written by a transaction it does not see:
-- one that began after it (xid from its xmax on) or was in flight then (its xip list). Both are index ranges on
-- changed_xid; what it did see is in gold already and is not read again, however far back a long transaction
-- elsewhere in the cluster holds its xmin.
-- kind: track_deleted | artist_deleted | transition_deleted (id = from, to_id = to).
DECLARE sync_rows NO SCROLL CURSOR FOR
SELECT e.kind, e.id, e.to_id
FROM silver.sync_events e
WHERE (e.changed_xid >= pg_snapshot_xmax($1::pg_snapshot)
         OR e.changed_xid = ANY (ARRAY(SELECT pg_snapshot_xip($1::pg_snapshot))))
  AND e.kind IN ('track_deleted', 'artist_deleted', 'transition_deleted')
