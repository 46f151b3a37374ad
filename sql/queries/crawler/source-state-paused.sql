-- Sources whose circuit breaker pause is running (for /metrics; every worker reads the same rows).
SELECT source FROM ops.source_state WHERE paused_until > now()
