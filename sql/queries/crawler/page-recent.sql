-- The newest stored body of a page fetched within the last $3 hours (re-used instead of fetching again).
SELECT id, url, http_status, content_type, body
FROM bronze.pages
WHERE source = $1 AND url = $2 AND last_fetched_at > now() - make_interval(hours => $3) AND http_status BETWEEN 200 AND 299
ORDER BY last_fetched_at DESC
LIMIT 1
