-- bronze-setlist-save for a batch: one parse per (page, url, parser version); an existing one is kept. Returns the id
-- of every parse given, and whether this statement stored it (then its rows are stored next).
WITH given AS (
  SELECT s.*
  FROM jsonb_to_recordset($1::jsonb) AS s(page_id bigint, source text, source_url text, source_id text,
       title text, djs text[], event text, venue text, location text, date_text text, date date, parser_version text,
       status text, status_reason text, warnings text[], row_count int)
), inserted AS (
  INSERT INTO bronze.setlists (page_id, source, source_url, source_id, title, djs, event, venue, location, date_text, date,
                               parser_version, status, status_reason, warnings, row_count, crawl_run_id)
  SELECT page_id, source, source_url, source_id, title, djs, event, venue, location, date_text, date, parser_version,
         status, status_reason, warnings, row_count, $2
  FROM given
  ON CONFLICT (page_id, source_url, parser_version) DO NOTHING
  RETURNING id, page_id, source_url, parser_version
)
SELECT id, page_id, source_url, parser_version, true AS inserted FROM inserted
UNION ALL
SELECT b.id, b.page_id, b.source_url, b.parser_version, false
FROM bronze.setlists b
JOIN (SELECT DISTINCT page_id, source_url, parser_version FROM given) g USING (page_id, source_url, parser_version)
