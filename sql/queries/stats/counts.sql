-- Counts for the `stats` query: what silver holds, what the graph may show, and when data last moved.
SELECT
  (SELECT count(*) FROM silver.graph_tracks)::integer                     AS tracks,
  (SELECT count(*) FROM silver.artists)::integer                          AS artists,
  (SELECT count(*) FROM silver.graph_transitions)::integer                AS transitions,
  (SELECT count(*) FROM silver.setlists)::integer                         AS setlists,
  (SELECT count(DISTINCT performance_id) FROM silver.setlists)::integer   AS performances,
  (SELECT count(DISTINCT artist_id) FROM silver.setlist_djs)::integer     AS djs,
  (SELECT coalesce(json_agg(json_build_object('source', source, 'setlists', n) ORDER BY n DESC, source), '[]'::json)
     FROM (SELECT source, count(*)::integer AS n FROM silver.setlists GROUP BY source) s) AS sources,
  (SELECT max(last_synced_at) FROM ops.sync_state)                        AS last_sync_at,
  (SELECT max(finished_at) FROM ops.crawl_runs WHERE status = 'ok')       AS last_crawl_at,
  (SELECT max(finished_at) FROM ops.imports)                              AS last_import_at
