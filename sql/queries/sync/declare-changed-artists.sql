-- Incremental: artists written since the watermark ($1, xid8): a renamed artist keeps its id.
DECLARE sync_rows NO SCROLL CURSOR FOR
SELECT a.id, a.name
FROM silver.artists a
WHERE a.changed_xid >= $1::xid8
