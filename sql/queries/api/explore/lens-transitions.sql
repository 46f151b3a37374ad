-- transitions(trackId, direction, orderBy, lens): the transitions into ($5 = false) or out of ($5 = true) track $4,
-- counted from the lens's setlists only: weight = distinct performances, djs = distinct DJ names over those setlists,
-- first/last seen = their dates. $6 orderBy (WEIGHT | DJS | LAST_SEEN | FIRST_SEEN), then weight, then the other
-- end's id. $7 offset, $8 limit. The lens: see lens-top-tracks.sql ($1 DJ ids, $2 from, $3 to).
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
  WHERE $5::boolean AND o.from_track_id = $4::bigint
  UNION ALL
  SELECT o.from_track_id, o.to_track_id, o.setlist_id FROM silver.transition_occurrences o
  WHERE NOT $5::boolean AND o.to_track_id = $4::bigint
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
)
SELECT p.from_id, p.to_id, p.weight, p.djs, p.first_seen, p.last_seen
FROM pairs p
JOIN silver.tracks f ON f.id = p.from_id AND f.artist_valid
JOIN silver.tracks t ON t.id = p.to_id AND t.artist_valid
ORDER BY CASE WHEN $6::text = 'WEIGHT' THEN p.weight END DESC NULLS LAST,
         CASE WHEN $6::text = 'DJS' THEN p.djs END DESC NULLS LAST,
         CASE WHEN $6::text = 'LAST_SEEN' THEN p.last_seen END DESC NULLS LAST,
         CASE WHEN $6::text = 'FIRST_SEEN' THEN p.first_seen END ASC NULLS LAST,
         p.weight DESC, p.from_id, p.to_id
OFFSET $7 LIMIT $8
