UPDATE ops.crawl_runs SET status = $2, summary = $3, finished_at = now() WHERE id = $1
