-- Counts one request against today's cap; returns the count after it.
INSERT INTO ops.source_usage (source, day, requests) VALUES ($1, current_date, 1)
ON CONFLICT (source, day) DO UPDATE SET requests = ops.source_usage.requests + 1
RETURNING requests
