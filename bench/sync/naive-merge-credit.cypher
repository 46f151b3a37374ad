// bench/sync baseline: one credit (and its artist) per statement and per transaction.
MATCH (t:Track {id: $trackId})
MERGE (a:Artist {id: $artistId})
SET a.name = $name
MERGE (a)-[:CREDITED {role: $role}]->(t)
