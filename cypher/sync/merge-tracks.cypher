// Incremental: $rows as create-tracks. Values are SET from silver, never incremented, so a re-run changes nothing.
UNWIND $rows AS row
MERGE (t:Track {id: toInteger(row.id)})
SET t.title = row.title, t.version = row.version, t.artistCredit = row.artistCredit, t.plays = toInteger(row.plays)
