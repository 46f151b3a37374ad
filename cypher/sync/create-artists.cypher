// --full (gold is empty): parallel lists $id, $name, one artist per index, each artist once.
// Columns rather than a list of maps throughout the bulk path: Neo4j decodes them far faster (bench/sync).
// Returns the new nodes' element ids in $id's order: create-credits finds them by element id, not by index.
UNWIND range(0, size($id) - 1) AS i
CREATE (a:Artist {id: toInteger($id[i]), name: $name[i]})
RETURN collect(elementId(a)) AS nodes
