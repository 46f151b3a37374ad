-- Due targets per source (the worker queue's depth, for /metrics): next_search_after has passed. A target being
-- crawled right now still counts until its claim is finished. Served by the partial index target_track_searches_due.
SELECT source, count(*)::int AS due
FROM ops.target_track_searches
WHERE next_search_after <= now() AND status <> 'searching'
GROUP BY source
