-- The performances in which each (from, to) pair was played in that order, newest first: one row per performance
-- (docs/identity.md), shown by its best-told setlist (most identified rows) with every setlist of it that has the
-- pair as a source. total = distinct performances = the transition's weight.
-- $1, $2: parallel arrays of from and to track ids. Batched by DataLoader: one query for every transition asked.
-- $3, $4, $5: the explorer's lens (DJ artist ids, from, to; each NULL when unset): only the setlists it keeps count
-- and are shown, so a lensed transition's setlists add up to the weight the lens gave it (lens-transitions.sql).
SELECT p.from_id, p.to_id, perf.performance_id, s.id, s.title, s.date, s.event, s.venue, s.location, s.source, s.source_url,
       coalesce((SELECT array_agg(a.name ORDER BY d.position) FROM silver.setlist_djs d
                 JOIN silver.artists a ON a.id = d.artist_id WHERE d.setlist_id = s.id), '{}') AS djs,
       (SELECT json_agg(json_build_object('id', o.id, 'title', o.title, 'source', o.source, 'sourceUrl', o.source_url)
                        ORDER BY o.source, o.id)
        FROM silver.setlists o WHERE o.id = ANY (perf.setlist_ids)) AS sources,
       count(*) OVER (PARTITION BY p.from_id, p.to_id) AS total
FROM unnest($1::bigint[], $2::bigint[]) AS p(from_id, to_id)
JOIN LATERAL (
  SELECT sl.performance_id, array_agg(sl.id ORDER BY sl.identified_count DESC, sl.id) AS setlist_ids
  FROM (SELECT DISTINCT o.setlist_id FROM silver.transition_occurrences o
        WHERE o.from_track_id = p.from_id AND o.to_track_id = p.to_id) o
  JOIN silver.setlists sl ON sl.id = o.setlist_id
  WHERE ($3::bigint[] IS NULL OR EXISTS (SELECT 1 FROM silver.setlist_djs d
                                          WHERE d.setlist_id = sl.id AND d.artist_id = ANY ($3::bigint[])))
    AND ($4::date IS NULL OR sl.date >= $4::date)
    AND ($5::date IS NULL OR sl.date <= $5::date)
  GROUP BY sl.performance_id
) perf ON true
JOIN silver.setlists s ON s.id = perf.setlist_ids[1]
ORDER BY p.from_id, p.to_id, s.date DESC NULLS LAST, perf.performance_id
