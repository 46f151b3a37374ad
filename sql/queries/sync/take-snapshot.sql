-- The first statement of the snapshot transaction: the snapshot every read of the run sees. Every transaction still
-- in flight at this moment has an xid at or above xmin (the watermark) or is listed in the snapshot, so the next run,
-- reading what this snapshot does not see, cannot miss what they write. taken_at: the transaction's start, just
-- before the snapshot: gold will hold every change committed before it.
SELECT pg_snapshot_xmin(s)::text AS xmin, s::text AS snapshot, now() AS taken_at
FROM pg_current_snapshot() AS s
