INSERT INTO ops.crawl_runs (worker, command, args) VALUES ($1, $2, $3) RETURNING id
