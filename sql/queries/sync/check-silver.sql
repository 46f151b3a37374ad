-- The silver side of `npm run sync -- --check` (twin: cypher/sync/check-gold.cypher, same hashes, same order of
-- operations; bigint arithmetic modulo 2^31 - 1 never overflows). What gold must hold: graph_tracks, the artists
-- credited on them, their credits, graph_transitions.
WITH gold_tracks AS (SELECT id, plays FROM silver.graph_tracks),
gold_credits AS (
  SELECT ta.artist_id, ta.track_id, ta.role FROM silver.track_artists ta JOIN gold_tracks t ON t.id = ta.track_id
),
gold_artists AS (SELECT DISTINCT artist_id AS id FROM gold_credits),
edges AS (
  SELECT (g.from_track_id % 2147483647 * 65599 + g.to_track_id % 2147483647) % 2147483647 AS h,
         g.weight, g.djs,
         coalesce(to_char(g.first_seen, 'YYYYMMDD')::bigint, 0) AS first,
         coalesce(to_char(g.last_seen, 'YYYYMMDD')::bigint, 0) AS last
  FROM silver.graph_transitions g
),
edge_steps AS (
  SELECT (((h * h + weight) % 2147483647) * ((h * h + weight) % 2147483647) + 40503) % 2147483647 AS edge,
         ((((h * h + djs) % 2147483647) * ((h * h + djs) % 2147483647) + first) % 2147483647) AS d2,
         last
  FROM edges
)
SELECT
  (SELECT count(*) FROM gold_tracks)::bigint AS tracks,
  (SELECT coalesce(sum((h * h + 7) % 2147483647), 0)
   FROM (SELECT (id % 2147483647 * 65599 + plays) % 2147483647 AS h FROM gold_tracks) x)::text AS track_sum,
  (SELECT count(*) FROM gold_artists)::bigint AS artists,
  (SELECT coalesce(sum((h * h + 1) % 2147483647), 0)
   FROM (SELECT (id % 2147483647 * 65599 + 13) % 2147483647 AS h FROM gold_artists) x)::text AS artist_sum,
  (SELECT count(*) FROM gold_credits)::bigint AS credits,
  (SELECT coalesce(sum((h * h + role) % 2147483647), 0)
   FROM (SELECT (artist_id % 2147483647 * 65599 + track_id % 2147483647) % 2147483647 AS h,
                CASE role WHEN 'primary' THEN 1 WHEN 'featured' THEN 2 WHEN 'remixer' THEN 3 ELSE 4 END AS role
         FROM gold_credits) x)::text AS credit_sum,
  (SELECT count(*) FROM edge_steps)::bigint AS transitions,
  (SELECT coalesce(sum(edge), 0) FROM edge_steps)::text AS edge_sum,
  (SELECT coalesce(sum((d2 * d2 + last) % 2147483647), 0) FROM edge_steps)::text AS edge_detail_sum
