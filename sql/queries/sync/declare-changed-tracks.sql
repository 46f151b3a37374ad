-- Incremental: every track written since the watermark's snapshot ($1, see declare-changed-deletions), or whose
-- credits changed alone (0006), whether it is (still) in gold or not.
DECLARE sync_rows NO SCROLL CURSOR FOR
WITH changed AS (
  SELECT id FROM silver.tracks WHERE (changed_xid >= pg_snapshot_xmax($1::pg_snapshot)
         OR changed_xid = ANY (ARRAY(SELECT pg_snapshot_xip($1::pg_snapshot))))
  UNION
  SELECT id FROM silver.sync_events WHERE (changed_xid >= pg_snapshot_xmax($1::pg_snapshot)
         OR changed_xid = ANY (ARRAY(SELECT pg_snapshot_xip($1::pg_snapshot)))) AND kind = 'track_credits_changed'
)
SELECT t.id, t.title, t.version, t.artist_credit, t.plays, g.id IS NOT NULL AS in_gold,
       CASE WHEN g.id IS NOT NULL THEN
         (SELECT coalesce(json_agg(json_build_object('artistId', ta.artist_id, 'role', ta.role, 'name', a.name)
                                   ORDER BY ta.position, ta.artist_id, ta.role), '[]')
          FROM silver.track_artists ta JOIN silver.artists a ON a.id = ta.artist_id
          WHERE ta.track_id = t.id)
       END AS credits
FROM changed c
JOIN silver.tracks t ON t.id = c.id
LEFT JOIN silver.graph_tracks g ON g.id = t.id
