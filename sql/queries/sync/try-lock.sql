-- One sync per target at a time (a --watch daemon and a manual run, two replicas). Session-level: a killed sync
-- loses its connection and with it the lock. $1 = sync name ('gold').
SELECT pg_try_advisory_lock(hashtext('songnodes.sync:' || $1)) AS locked
