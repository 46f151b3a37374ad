-- The first statement of the snapshot transaction. Every transaction still in flight at this moment has an xid at
-- or above xmin, so the next run, reading changed_xid >= xmin, cannot miss what they write.
SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin
