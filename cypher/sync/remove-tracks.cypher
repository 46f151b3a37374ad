// Incremental: $ids = tracks that left gold (invalid credit, no plays, deleted). A track takes its edges and
// credits with it. Returns, per removed track, its neighbours (their edges changed) and its artists (maybe orphans).
UNWIND $ids AS rawId
MATCH (t:Track {id: toInteger(rawId)})
WITH t, t.id AS id,
     COLLECT { MATCH (t)-[:TRANSITION]-(n:Track) RETURN DISTINCT n.id } AS neighbours,
     COLLECT { MATCH (a:Artist)-[:CREDITED]->(t) RETURN DISTINCT a.id } AS artistIds
DETACH DELETE t
RETURN id, neighbours, artistIds
