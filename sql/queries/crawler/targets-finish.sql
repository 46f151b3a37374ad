-- $2 status, $3 results found, $4 setlists found, $5 error, $6 seconds until due again.
UPDATE ops.target_track_searches
SET status = $2, results_found = $3, setlists_found = $4, last_error = $5,
    attempts = attempts + 1, last_searched_at = now(), next_search_after = now() + make_interval(secs => $6),
    claimed_by = NULL, claimed_at = NULL, updated_at = now()
WHERE id = $1
