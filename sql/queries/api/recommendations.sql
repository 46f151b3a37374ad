-- "DJs who play X also play Y": tracks sharing setlists with $1 (anywhere in the set, not only adjacent), scored
-- by shared setlists over sqrt(plays) so that what is played everywhere does not drown the rest. Only tracks the
-- graph may show (silver.graph_tracks). $2 = how many.
WITH x_sets AS (SELECT DISTINCT setlist_id FROM silver.setlist_tracks WHERE track_id = $1)
SELECT st.track_id AS id, count(DISTINCT st.setlist_id)::int AS shared, t.plays
FROM silver.setlist_tracks st
JOIN x_sets USING (setlist_id)
JOIN silver.graph_tracks t ON t.id = st.track_id
WHERE st.track_id <> $1
GROUP BY st.track_id, t.plays
ORDER BY count(DISTINCT st.setlist_id) / sqrt(greatest(t.plays, 1)) DESC, st.track_id
LIMIT $2
