SELECT pg_advisory_unlock(hashtext('songnodes.sync:' || $1)) AS unlocked
