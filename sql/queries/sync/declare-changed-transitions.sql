-- Incremental, last: every transition written since the watermark's snapshot ($1, see declare-changed-deletions),
-- and every live transition of a track whose artist credit flipped validity (0006: its edges' rows did not change,
-- their place in gold did). in_gold is false for a weight that fell to 0 (a corrected or deleted setlist) and for
-- an edge touching an invalid-artist track: remove those.
DECLARE sync_rows NO SCROLL CURSOR FOR
WITH flipped AS (
  SELECT DISTINCT id FROM silver.sync_events WHERE (changed_xid >= pg_snapshot_xmax($1::pg_snapshot)
         OR changed_xid = ANY (ARRAY(SELECT pg_snapshot_xip($1::pg_snapshot))))
    AND kind = 'track_validity_changed'
),
changed AS (
  SELECT from_track_id, to_track_id FROM silver.transitions
  WHERE (changed_xid >= pg_snapshot_xmax($1::pg_snapshot)
         OR changed_xid = ANY (ARRAY(SELECT pg_snapshot_xip($1::pg_snapshot))))
  UNION
  SELECT tr.from_track_id, tr.to_track_id FROM silver.transitions tr JOIN flipped f ON tr.from_track_id = f.id
  WHERE tr.weight > 0
  UNION
  SELECT tr.from_track_id, tr.to_track_id FROM silver.transitions tr JOIN flipped f ON tr.to_track_id = f.id
  WHERE tr.weight > 0
)
SELECT tr.from_track_id, tr.to_track_id, tr.weight, tr.djs, tr.first_seen::text AS first_seen,
       tr.last_seen::text AS last_seen, g.from_track_id IS NOT NULL AS in_gold
FROM changed c
JOIN silver.transitions tr ON tr.from_track_id = c.from_track_id AND tr.to_track_id = c.to_track_id
LEFT JOIN silver.graph_transitions g ON g.from_track_id = tr.from_track_id AND g.to_track_id = tr.to_track_id
