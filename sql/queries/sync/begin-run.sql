-- The start of every run of sync instance $1, under its lock: registers the instance (first run) or marks it seen,
-- and returns its watermark (xid8) and the snapshot behind it. NULL: nothing synced yet, or a --full rebuild did
-- not finish: rebuild everything.
INSERT INTO ops.sync_state (name, seen_at) VALUES ($1, now())
ON CONFLICT (name) DO UPDATE SET seen_at = now()
RETURNING watermark_xid::text AS watermark, watermark_snapshot::text AS snapshot
