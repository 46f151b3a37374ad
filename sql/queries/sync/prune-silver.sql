-- After a run stored its watermark: what silver keeps only for the syncs goes once EVERY registered gold instance
-- has seen it — the slowest one decides. $1 = SYNC_INSTANCE_TTL_HOURS in seconds, $2 = whether weight-0 transitions
-- may be pruned (the caller holds silver.recompute_setlists' lock, so no refine is writing them).
--   expired: instances whose sync has not run for $1 seconds are forgotten; if one comes back it finds no row and
--            rebuilds from scratch, which needs none of what is pruned here.
--   seen:    per instance, the snapshot of its watermark, or the floor of its unfinished --full; a row whose writer
--            is visible in every one of them has been applied everywhere (or will be read by a rebuild as it is).
--   events:  change events (0006) every instance has seen.
--   weight-0 transitions every instance has seen at weight 0: each removed the edge (or rebuilt without it). Their
--            deletion records no change event (0010): no instance holds the edge.
-- The xmax bound keeps both deletions on their changed_xid indexes.
WITH expired AS (
  DELETE FROM ops.sync_state WHERE seen_at < now() - make_interval(secs => $1) RETURNING name
),
seen AS (
  SELECT coalesce(watermark_snapshot, rebuild_floor) AS snapshot
  FROM ops.sync_state
  WHERE seen_at >= now() - make_interval(secs => $1) AND coalesce(watermark_snapshot, rebuild_floor) IS NOT NULL
),
bound AS (SELECT min(pg_snapshot_xmax(snapshot)) AS xmax FROM seen),
events AS (
  DELETE FROM silver.sync_events e USING bound b
  WHERE e.changed_xid < b.xmax
    AND NOT EXISTS (SELECT 1 FROM seen s WHERE NOT pg_visible_in_snapshot(e.changed_xid, s.snapshot))
  RETURNING 1
),
transitions AS (
  DELETE FROM silver.transitions t USING bound b
  WHERE $2::boolean AND t.weight = 0 AND t.changed_xid < b.xmax
    AND NOT EXISTS (SELECT 1 FROM seen s WHERE NOT pg_visible_in_snapshot(t.changed_xid, s.snapshot))
  RETURNING 1
)
SELECT (SELECT coalesce(array_agg(name ORDER BY name), '{}') FROM expired) AS expired,
       (SELECT xmax::text FROM bound) AS horizon,
       (SELECT count(*) FROM events)::integer AS events,
       (SELECT count(*) FROM transitions)::integer AS transitions
