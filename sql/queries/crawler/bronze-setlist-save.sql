INSERT INTO bronze.setlists (page_id, source, source_url, source_id, title, djs, event, venue, location, date_text, date,
                             parser_version, status, status_reason, warnings, row_count, crawl_run_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12, $13, $14, $15, $16, $17)
ON CONFLICT (page_id, source_url, parser_version) DO NOTHING
RETURNING id
