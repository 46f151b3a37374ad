-- /metrics of sync instance $1, step 1: its watermark's snapshot, how old it is, whether a --full is unfinished.
SELECT watermark_snapshot::text AS snapshot, watermark_at, rebuild_floor IS NOT NULL AS rebuilding, now() AS now
FROM ops.sync_state WHERE name = $1
