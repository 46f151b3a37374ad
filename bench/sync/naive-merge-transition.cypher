// bench/sync baseline: one edge per statement and per transaction.
MATCH (a:Track {id: $from})
MATCH (b:Track {id: $to})
MERGE (a)-[r:TRANSITION]->(b)
SET r.weight = $weight, r.djs = $djs, r.firstSeen = $firstSeen, r.lastSeen = $lastSeen
