// --full, after clear-tracks: removes up to $limit artists. Run until it removes none.
MATCH (a:Artist)
WITH a LIMIT $limit
DETACH DELETE a
RETURN count(*) AS removed
