-- One sync per gold instance (README "Read scale-out"): every Neo4j instance is a full projection of silver, fed by
-- its own sync with its own ops.sync_state row (name = SYNC_INSTANCE_NAME, 'gold' by default). What silver keeps
-- for the syncs — change events (0006) and transitions whose weight fell to 0 (0003) — may go only once every
-- registered instance is past them: the slowest one decides.

-- watermark_snapshot: the whole snapshot the watermark's run read (watermark_xid is its xmin). A row whose writer is
--   visible in it is in gold; one whose writer is not (it was in flight, or came later) is not yet. The next run
--   reads only the latter, and pruning asks every instance's snapshot: a long transaction elsewhere in the cluster
--   holds xmin back for as long as it runs, and with xmin alone every run would re-read, and nothing be pruned.
-- rebuild_floor: a --full run in progress (or killed) has cleared its gold; its own snapshot, taken later, will see
--   whatever this one sees, so it needs the events this one does not see, though its watermark is NULL.
-- watermark_at: when the snapshot behind the watermark was taken: gold held every change committed before it.
-- seen_at: the last run's start or end; an instance not seen for SYNC_INSTANCE_TTL_HOURS is forgotten (row deleted),
--   so a lost instance blocks pruning for a bounded time, and if it comes back it rebuilds from scratch.
ALTER TABLE ops.sync_state
  ADD COLUMN watermark_snapshot pg_snapshot,
  ADD COLUMN rebuild_floor      pg_snapshot,
  ADD COLUMN watermark_at       timestamptz,
  ADD COLUMN seen_at            timestamptz NOT NULL DEFAULT now();

-- A stored watermark W stands for the snapshot "everything below W, nothing from W on": what it always meant.
UPDATE ops.sync_state
SET watermark_snapshot = (watermark_xid::text || ':' || watermark_xid::text || ':')::pg_snapshot,
    watermark_at = last_synced_at, seen_at = coalesce(last_synced_at, now())
WHERE watermark_xid IS NOT NULL;

-- Pruning weight-0 transitions reads only them: without this index every sync run would scan all transitions.
CREATE INDEX transitions_weight_zero ON silver.transitions (changed_xid) WHERE weight = 0;

-- A weight-0 transition is pruned only once no instance holds its edge (prune-silver.sql), so its deletion has
-- nothing to tell the syncs: the prune sets songnodes.pruning_transitions for its transaction and the deletion
-- event (0006) is skipped. Otherwise every prune would leave events behind the watermarks, and a quiet system's
-- lag (songnodes_sync_lag_transactions) would never read 0.
CREATE OR REPLACE FUNCTION silver.record_transition_deletions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('songnodes.pruning_transitions', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO silver.sync_events (kind, id, to_id) SELECT 'transition_deleted', from_track_id, to_track_id FROM old_rows;
  RETURN NULL;
END $$;
