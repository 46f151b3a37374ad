-- /metrics, step 2: the transactions that wrote what the sync reads and that the snapshot $1 (an instance's
-- watermark) does not see. The same two index lookups per table as declare-changed-*.sql: from the snapshot's xmax
-- on, and the xids it lists as in flight.
SELECT count(*)::integer AS transactions FROM (
  SELECT changed_xid FROM silver.tracks
  WHERE changed_xid >= pg_snapshot_xmax($1::pg_snapshot)
     OR changed_xid = ANY (ARRAY(SELECT pg_snapshot_xip($1::pg_snapshot)))
  UNION SELECT changed_xid FROM silver.artists
  WHERE changed_xid >= pg_snapshot_xmax($1::pg_snapshot)
     OR changed_xid = ANY (ARRAY(SELECT pg_snapshot_xip($1::pg_snapshot)))
  UNION SELECT changed_xid FROM silver.transitions
  WHERE changed_xid >= pg_snapshot_xmax($1::pg_snapshot)
     OR changed_xid = ANY (ARRAY(SELECT pg_snapshot_xip($1::pg_snapshot)))
  UNION SELECT changed_xid FROM silver.sync_events
  WHERE changed_xid >= pg_snapshot_xmax($1::pg_snapshot)
     OR changed_xid = ANY (ARRAY(SELECT pg_snapshot_xip($1::pg_snapshot)))
) pending
