-- Before a --full rebuild clears gold: if it is killed half-way, the next run sees NULL and rebuilds again.
INSERT INTO ops.sync_state (name, watermark_xid) VALUES ($1, NULL)
ON CONFLICT (name) DO UPDATE SET watermark_xid = NULL
