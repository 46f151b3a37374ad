SELECT id, artist, title, source, status, last_searched_at, next_search_after, results_found, setlists_found,
       attempts, last_error
FROM ops.target_track_searches
ORDER BY lower(artist), lower(title), source
