-- targets(status): how many match, for a page past the last one (where the windowed count has no row to ride on).
SELECT count(*)::integer AS total FROM ops.target_track_searches WHERE $1::text IS NULL OR status = $1::text
