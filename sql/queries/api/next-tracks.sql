-- "What do DJs play right after $1?" — the tracks that follow it, best first ($2 of them), each with its evidence.
-- A suggestion's score adds up what silver knows. Transitions count whole:
--   direct transitions $1 -> B (distinct setlists)                                   x 1
--   + $5 x other versions of $1 followed by B       (remix <-> original: same artists and title, another version)
-- and the softer evidence adds at most 0.95, so it orders suggestions with equal transitions and fills the list
-- after them but never outranks one more setlist that played B right after $1:
--   + $3 x distinct DJs of those transitions        (many DJs agree: a habit, not one set)
--   + $4 x recency of the last such transition      (0 for 1990 .. 1 for 2040)
--   + $6 x two-hop support $1 -> X -> B             (sum over X of w($1,X) * w(X,B) / out-weight of X)
--   + $7 x setlists that play both, anywhere        (shared / sqrt(plays of B), as recommendations scores it)
--   + $8 x popularity of B                          (ln(1 + plays) / 10)
-- With $3..$8 all 0 this is the explorer's ranking of out-edges (weight, then id). Only tracks the graph may show
-- (silver.graph_tracks), and transitions between them only (silver.graph_transitions: a route through an
-- "Unknown Artist" row is no evidence); a score of 0 is no suggestion. The weights the API uses are in
-- server/src/schema/next-tracks/data.ts; bench/next-track measures each one's effect.
WITH a AS (
  SELECT id, split_part(track_key, '|', 1) || '|' || split_part(track_key, '|', 2) || '|' AS version_prefix
  FROM silver.tracks WHERE id = $1
),
versions AS (
  -- byte order (C.UTF-8): every key starting with the prefix sorts between it and prefix || U+10FFFF
  SELECT t.id FROM silver.tracks t, a
  WHERE t.track_key >= a.version_prefix AND t.track_key < a.version_prefix || chr(1114111) AND t.id <> a.id
),
direct AS (
  SELECT tr.to_track_id AS id, tr.weight, tr.djs, tr.last_seen
  FROM silver.graph_transitions tr WHERE tr.from_track_id = $1 AND tr.weight > 0
),
via_versions AS (
  SELECT tr.to_track_id AS id, sum(tr.weight)::int AS weight
  FROM silver.graph_transitions tr JOIN versions v ON v.id = tr.from_track_id
  WHERE tr.weight > 0 AND $5::float8 > 0
  GROUP BY tr.to_track_id
),
hop AS (
  SELECT d.id AS via, d.weight, sum(out.weight) AS out_weight
  FROM direct d JOIN silver.graph_transitions out ON out.from_track_id = d.id AND out.weight > 0
  WHERE $6::float8 > 0
  GROUP BY d.id, d.weight
),
two_hop AS (
  SELECT tr.to_track_id AS id, sum(h.weight * tr.weight / h.out_weight::float8) AS support, count(*)::int AS paths
  FROM hop h JOIN silver.graph_transitions tr ON tr.from_track_id = h.via AND tr.weight > 0
  GROUP BY tr.to_track_id
),
shared AS (
  SELECT st.track_id AS id, count(DISTINCT st.setlist_id)::int AS setlists
  FROM silver.setlist_tracks st
  JOIN (SELECT DISTINCT setlist_id FROM silver.setlist_tracks WHERE track_id = $1) x USING (setlist_id)
  WHERE st.track_id IS NOT NULL AND $7::float8 > 0
  GROUP BY st.track_id
),
candidates AS (
  SELECT id FROM direct UNION SELECT id FROM via_versions UNION SELECT id FROM two_hop UNION SELECT id FROM shared
),
scored AS (
  SELECT c.id,
         coalesce(d.weight, 0) AS transitions, coalesce(d.djs, 0) AS djs, d.last_seen,
         coalesce(v.weight, 0) AS via_versions, coalesce(h.paths, 0) AS via_two_hops, coalesce(s.setlists, 0) AS shared_setlists,
         coalesce(d.weight, 0) + $5::float8 * coalesce(v.weight, 0)
           + least(0.95,
               $3::float8 * coalesce(d.djs, 0)
             + $4::float8 * coalesce(least(greatest((extract(year FROM d.last_seen) - 1990) / 50.0, 0), 1), 0)
             + $6::float8 * coalesce(h.support, 0)
             + $7::float8 * coalesce(s.setlists, 0) / sqrt(greatest(t.plays, 1))
             + $8::float8 * ln(1 + t.plays) / 10) AS score
  FROM candidates c
  JOIN silver.graph_tracks t ON t.id = c.id
  LEFT JOIN direct d ON d.id = c.id
  LEFT JOIN via_versions v ON v.id = c.id
  LEFT JOIN two_hop h ON h.id = c.id
  LEFT JOIN shared s ON s.id = c.id
  WHERE c.id <> $1
)
SELECT id, score, transitions, djs, last_seen::text AS last_seen, via_versions, via_two_hops, shared_setlists
FROM scored
WHERE score > 0
ORDER BY score DESC, transitions DESC, id
LIMIT $2
