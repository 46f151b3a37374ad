-- Only after Neo4j committed every batch. $1 = instance, $2 = xmin of the snapshot the run read, $3 = its summary,
-- $4 = when that snapshot was taken, $5 = the snapshot. Pruning what every instance has seen is prune-silver.sql.
INSERT INTO ops.sync_state (name, watermark_xid, watermark_snapshot, watermark_at, last_synced_at, last_result, seen_at)
VALUES ($1, $2::xid8, $5::pg_snapshot, $4::timestamptz, now(), $3::jsonb, now())
ON CONFLICT (name) DO UPDATE
  SET watermark_xid = excluded.watermark_xid, watermark_snapshot = excluded.watermark_snapshot,
      watermark_at = excluded.watermark_at, last_synced_at = excluded.last_synced_at,
      last_result = excluded.last_result, seen_at = excluded.seen_at, rebuild_floor = NULL
