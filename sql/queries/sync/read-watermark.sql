-- NULL (or no row) means nothing reached gold yet, or a --full rebuild did not finish: rebuild everything.
SELECT watermark_xid::text AS watermark FROM ops.sync_state WHERE name = $1
