// Incremental: $rows as create-transitions. SET, never +=: silver's weight is the truth, re-runs are harmless.
UNWIND $rows AS row
MATCH (a:Track {id: toInteger(row.from)})
MATCH (b:Track {id: toInteger(row.to)})
MERGE (a)-[r:TRANSITION]->(b)
SET r.weight = toInteger(row.weight), r.djs = toInteger(row.djs), r.firstSeen = row.firstSeen, r.lastSeen = row.lastSeen
