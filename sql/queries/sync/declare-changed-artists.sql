-- Incremental: artists written since the watermark's snapshot ($1, see declare-changed-deletions): a renamed artist
-- keeps its id.
DECLARE sync_rows NO SCROLL CURSOR FOR
SELECT a.id, a.name
FROM silver.artists a
WHERE (a.changed_xid >= pg_snapshot_xmax($1::pg_snapshot)
         OR a.changed_xid = ANY (ARRAY(SELECT pg_snapshot_xip($1::pg_snapshot))))
