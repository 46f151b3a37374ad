// Incremental: $rows = [{from, to}] that silver no longer supports (weight 0, an invalid end, a deleted row).
// Returns the pairs that were in gold, for NOTIFY graph_changed.
UNWIND $rows AS row
MATCH (a:Track {id: toInteger(row.from)})-[r:TRANSITION]->(b:Track {id: toInteger(row.to)})
DELETE r
RETURN a.id AS from, b.id AS to
