-- The newest body of each bronze page that held setlists (an older body of a corrected page must not be refined
-- over the newer one), in id order after $1.
SELECT p.id, p.source, p.url, p.kind, p.body, p.http_status, array_agg(DISTINCT s.source_url) AS source_urls
FROM bronze.pages p
JOIN bronze.setlists s ON s.page_id = p.id
WHERE p.id > $1
  AND p.http_status BETWEEN 200 AND 299
  AND p.id = (SELECT newest.id FROM bronze.pages newest
              WHERE newest.source = p.source AND newest.url = p.url
              ORDER BY newest.last_fetched_at DESC, newest.id DESC LIMIT 1)
GROUP BY p.id
ORDER BY p.id
LIMIT $2
