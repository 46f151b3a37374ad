-- Taken first by a refine, before it locks its setlist row: the triggers that regroup performances update other
-- setlists' rows under this same lock (0009), so a refine holding a row lock while waiting for it could deadlock.
SELECT pg_advisory_xact_lock(hashtext('silver.recompute_setlists'))
