// --full (gold is empty, tracks created). Parallel lists rather than a list of maps: $from, $to, $weight, $djs,
// $firstSeen, $lastSeen (ISO dates or null) hold one edge per index. The bulk path's hot spot: columns cost the
// driver and Neo4j less to encode and decode than a million small maps (measured in bench/sync).
UNWIND range(0, size($from) - 1) AS i
MATCH (a:Track {id: toInteger($from[i])})
MATCH (b:Track {id: toInteger($to[i])})
CREATE (a)-[:TRANSITION {weight: toInteger($weight[i]), djs: toInteger($djs[i]), firstSeen: $firstSeen[i],
                         lastSeen: $lastSeen[i]}]->(b)
