-- crawlRuns: newest first. $1 offset, $2 limit.
SELECT id, worker, command, status, started_at, finished_at, summary::text AS summary
FROM ops.crawl_runs
ORDER BY started_at DESC, id DESC
OFFSET $1 LIMIT $2
