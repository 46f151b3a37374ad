-- TrackRequest.targets, batched: the target searches of each approved request ($1 ids), by source.
SELECT r.id AS request_id, t.id, t.artist, t.title, t.source, t.status, t.last_searched_at, t.next_search_after,
       t.results_found, t.setlists_found, t.last_error
FROM ops.track_requests r
JOIN ops.target_track_searches t ON lower(btrim(t.artist)) = lower(btrim(r.artist)) AND lower(btrim(t.title)) = lower(btrim(r.title))
WHERE r.id = ANY ($1::bigint[]) AND r.status = 'approved'
ORDER BY r.id, t.source
