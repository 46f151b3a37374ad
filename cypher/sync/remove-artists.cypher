// Incremental: $ids = artists deleted from silver.
UNWIND $ids AS rawId
MATCH (a:Artist {id: toInteger(rawId)})
DETACH DELETE a
RETURN count(*) AS removed
