-- Before a --full rebuild clears gold: if it is killed half-way, the next run sees NULL and rebuilds again.
-- rebuild_floor: the run's own snapshot, taken after this, sees everything this one sees, so the events this one
-- does not see must stay for this instance (prune-silver.sql) although it has no watermark.
INSERT INTO ops.sync_state (name, watermark_xid, watermark_snapshot, rebuild_floor, seen_at)
VALUES ($1, NULL, NULL, pg_current_snapshot(), now())
ON CONFLICT (name) DO UPDATE
  SET watermark_xid = NULL, watermark_snapshot = NULL, rebuild_floor = excluded.rebuild_floor,
      seen_at = excluded.seen_at
