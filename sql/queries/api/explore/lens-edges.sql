-- The transitions touching tracks $4 under a lens (neighbourhood and path with a lens): $5 'OUT' (from one of $4),
-- 'IN' (into one of $4) or 'BOTH'; only those of weight >= $6. Counted as in lens-transitions.sql, strongest first.
-- The lens: see lens-top-tracks.sql ($1 DJ ids, $2 from, $3 to).
WITH lens AS (
  SELECT s.id, s.performance_id, s.date, s.dj_keys
  FROM silver.setlists s
  WHERE ($1::bigint[] IS NULL OR EXISTS (SELECT 1 FROM silver.setlist_djs d
                                          WHERE d.setlist_id = s.id AND d.artist_id = ANY ($1::bigint[])))
    AND ($2::date IS NULL OR s.date >= $2::date)
    AND ($3::date IS NULL OR s.date <= $3::date)
),
occ AS (
  SELECT o.from_track_id, o.to_track_id, o.setlist_id FROM silver.transition_occurrences o
  WHERE $5::text <> 'IN' AND o.from_track_id = ANY ($4::bigint[])
  UNION
  SELECT o.from_track_id, o.to_track_id, o.setlist_id FROM silver.transition_occurrences o
  WHERE $5::text <> 'OUT' AND o.to_track_id = ANY ($4::bigint[])
),
pairs AS (
  SELECT o.from_track_id AS from_id, o.to_track_id AS to_id,
         count(DISTINCT l.performance_id)::integer AS weight,
         count(DISTINCT k.dj)::integer AS djs,
         min(l.date)::text AS first_seen, max(l.date)::text AS last_seen
  FROM occ o
  JOIN lens l ON l.id = o.setlist_id
  LEFT JOIN LATERAL unnest(l.dj_keys) AS k(dj) ON true
  GROUP BY o.from_track_id, o.to_track_id
  HAVING count(DISTINCT l.performance_id) >= $6::integer
)
SELECT p.from_id, p.to_id, p.weight, p.djs, p.first_seen, p.last_seen
FROM pairs p
JOIN silver.tracks f ON f.id = p.from_id AND f.artist_valid
JOIN silver.tracks t ON t.id = p.to_id AND t.artist_valid
ORDER BY p.weight DESC, p.from_id, p.to_id
