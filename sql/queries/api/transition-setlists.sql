-- The setlists in which each (from, to) pair was played in that order, newest first, $3 per pair after offset $4.
-- $1, $2: parallel arrays of from and to track ids. Batched by DataLoader: one query for every transition asked.
SELECT p.from_id, p.to_id, s.id, s.title, s.date, s.event, s.venue, s.location, s.source, s.source_url,
       coalesce((SELECT array_agg(a.name ORDER BY d.position) FROM silver.setlist_djs d
                 JOIN silver.artists a ON a.id = d.artist_id WHERE d.setlist_id = s.id), '{}') AS djs,
       count(*) OVER (PARTITION BY p.from_id, p.to_id) AS total
FROM unnest($1::bigint[], $2::bigint[]) AS p(from_id, to_id)
JOIN LATERAL (
  SELECT DISTINCT o.setlist_id FROM silver.transition_occurrences o
  WHERE o.from_track_id = p.from_id AND o.to_track_id = p.to_id
) o ON true
JOIN silver.setlists s ON s.id = o.setlist_id
ORDER BY p.from_id, p.to_id, s.date DESC NULLS LAST, s.id
