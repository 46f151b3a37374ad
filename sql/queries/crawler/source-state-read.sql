SELECT paused_until, pause_reason FROM ops.source_state WHERE source = $1 AND paused_until > now()
