-- sources: each crawl source ($1, in that order) with its pause (ops.source_state), today's requests
-- (ops.source_usage) and its due targets (as the crawler's targets-due-count.sql counts them).
SELECT s.name,
       st.paused_until, st.pause_reason,
       coalesce((SELECT u.requests FROM ops.source_usage u WHERE u.source = s.name AND u.day = current_date), 0) AS requests_today,
       (SELECT count(*)::integer FROM ops.target_track_searches t
        WHERE t.source = s.name AND t.next_search_after <= now() AND t.status <> 'searching') AS due_targets
FROM unnest($1::text[]) WITH ORDINALITY AS s(name, n)
LEFT JOIN ops.source_state st ON st.source = s.name AND st.paused_until > now()
ORDER BY s.n
