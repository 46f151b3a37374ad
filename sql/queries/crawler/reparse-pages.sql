-- The bronze pages to parse again, in id order after $1, $2 at a time, each with the setlist identities bronze took
-- from it. A page is taken when it is the newest body of its URL and, for each setlist identity it held, the newest
-- page that held that identity (the same mix fetched through two origins, or re-fetched, is parsed once, from the
-- newest evidence). Identities, not URLs, so a reparse under another base URL finds every page (docs/identity.md).
SELECT p.id, p.source, p.url, p.kind, p.body, p.http_status,
       coalesce(array_agg(DISTINCT s.source_id) FILTER (WHERE s.source_id IS NOT NULL), '{}') AS source_ids
FROM bronze.pages p
JOIN bronze.setlists s ON s.page_id = p.id
WHERE p.id > $1
  AND p.http_status BETWEEN 200 AND 299
  AND p.id = (SELECT newest.id FROM bronze.pages newest
              WHERE newest.source = p.source AND newest.url = p.url
              ORDER BY newest.last_fetched_at DESC, newest.id DESC LIMIT 1)
  AND (s.source_id IS NULL
       OR p.id = (SELECT held.page_id FROM bronze.setlists held JOIN bronze.pages hp ON hp.id = held.page_id
                  WHERE held.source = s.source AND held.source_id = s.source_id AND hp.http_status BETWEEN 200 AND 299
                  ORDER BY hp.last_fetched_at DESC, hp.id DESC LIMIT 1))
GROUP BY p.id
ORDER BY p.id
LIMIT $2
