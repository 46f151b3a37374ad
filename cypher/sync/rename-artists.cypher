// Incremental: $rows = [{id, name}] of changed silver artists; only those already in gold are touched.
UNWIND $rows AS row
MATCH (a:Artist {id: toInteger(row.id)})
SET a.name = row.name
