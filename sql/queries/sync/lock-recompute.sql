-- Inside the prune's transaction: the lock silver.recompute_setlists (0004) takes, tried, never waited for. Held,
-- no refine can be rewriting transitions while weight-0 rows are deleted (no deadlock, no lost weight); busy, the
-- prune leaves them for the next run.
-- songnodes.pruning_transitions: the deletions of this transaction need no change events (0010).
SELECT pg_try_advisory_xact_lock(hashtext('silver.recompute_setlists')) AS locked,
       set_config('songnodes.pruning_transitions', 'on', true) AS pruning
