// --full (gold is empty): parallel lists $id, $name, one artist per index, each artist once.
// Columns rather than a list of maps throughout the bulk path: Neo4j decodes them far faster (bench/sync).
UNWIND range(0, size($id) - 1) AS i
CREATE (:Artist {id: toInteger($id[i]), name: $name[i]})
