-- targets(status): every target search, most recently changed first, with the count of all that match.
-- $1 status (null: any), $2 offset, $3 limit.
SELECT id, artist, title, source, status, last_searched_at, next_search_after, results_found, setlists_found, last_error,
       count(*) OVER () AS total
FROM ops.target_track_searches
WHERE $1::text IS NULL OR status = $1::text
ORDER BY updated_at DESC, id DESC
OFFSET $2 LIMIT $3
