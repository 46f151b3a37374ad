// --full, after create-tracks in the same transaction: parallel lists $artistId, $trackId, $role.
UNWIND range(0, size($trackId) - 1) AS i
MATCH (a:Artist {id: toInteger($artistId[i])})
MATCH (t:Track {id: toInteger($trackId[i])})
CREATE (a)-[:CREDITED {role: $role[i]}]->(t)
