// --full, once both ends exist (this run's create-artists and create-tracks returned their element ids): parallel
// lists $artistNode, $trackNode (element ids) and $role.
UNWIND range(0, size($trackNode) - 1) AS i
MATCH (a:Artist) WHERE elementId(a) = $artistNode[i]
MATCH (t:Track) WHERE elementId(t) = $trackNode[i]
CREATE (a)-[:CREDITED {role: $role[i]}]->(t)
