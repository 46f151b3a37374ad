// --full (gold is empty, tracks created by this run). Parallel lists rather than a list of maps: $fromNode, $toNode
// (the tracks' element ids, as create-tracks returned them), $weight, $djs, $firstSeen, $lastSeen (ISO dates or
// null) hold one edge per index. The bulk path's hot spot: columns cost the driver and Neo4j less to decode than a
// million small maps, and an element id is found without an index seek (both measured in bench/sync).
UNWIND range(0, size($fromNode) - 1) AS i
MATCH (a:Track) WHERE elementId(a) = $fromNode[i]
MATCH (b:Track) WHERE elementId(b) = $toNode[i]
CREATE (a)-[:TRANSITION {weight: toInteger($weight[i]), djs: toInteger($djs[i]), firstSeen: $firstSeen[i],
                         lastSeen: $lastSeen[i]}]->(b)
