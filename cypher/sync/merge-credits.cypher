// Incremental, after merge-tracks: the artists credited on each track ($rows[].credits = [{artistId, role, name}]).
UNWIND $rows AS row
MATCH (t:Track {id: toInteger(row.id)})
UNWIND row.credits AS credit
MERGE (a:Artist {id: toInteger(credit.artistId)})
SET a.name = credit.name
MERGE (a)-[:CREDITED {role: credit.role}]->(t)
