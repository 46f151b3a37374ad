-- Only after Neo4j committed every batch. $2 = pg_snapshot_xmin of the snapshot the run read, $3 = its summary.
-- One statement, so the change events below the new watermark (committed before that snapshot, hence applied)
-- are pruned exactly when the watermark moves past them.
WITH stored AS (
  INSERT INTO ops.sync_state (name, watermark_xid, last_synced_at, last_result) VALUES ($1, $2::xid8, now(), $3::jsonb)
  ON CONFLICT (name) DO UPDATE
    SET watermark_xid = excluded.watermark_xid, last_synced_at = excluded.last_synced_at,
        last_result = excluded.last_result
  RETURNING watermark_xid
)
DELETE FROM silver.sync_events e USING stored WHERE e.changed_xid < stored.watermark_xid
