-- topTracks under a lens: tracks by distinct performances among the lens's setlists, best first, ties on id.
-- The lens (every lens-*.sql starts with it): $1 DJ artist ids (null: any DJ), $2 from, $3 to (null: open end; a
-- bounded lens leaves undated setlists out). $4 offset, $5 limit.
WITH lens AS (
  SELECT s.id, s.performance_id, s.date, s.dj_keys
  FROM silver.setlists s
  WHERE ($1::bigint[] IS NULL OR EXISTS (SELECT 1 FROM silver.setlist_djs d
                                          WHERE d.setlist_id = s.id AND d.artist_id = ANY ($1::bigint[])))
    AND ($2::date IS NULL OR s.date >= $2::date)
    AND ($3::date IS NULL OR s.date <= $3::date)
),
played AS (
  SELECT st.track_id AS id, count(DISTINCT l.performance_id)::integer AS plays
  FROM silver.setlist_tracks st
  JOIN lens l ON l.id = st.setlist_id
  WHERE st.track_id IS NOT NULL
  GROUP BY st.track_id
)
SELECT t.id, t.title, t.version, t.artist_credit, p.plays
FROM played p
JOIN silver.tracks t ON t.id = p.id AND t.artist_valid
ORDER BY p.plays DESC, t.id
OFFSET $4 LIMIT $5
