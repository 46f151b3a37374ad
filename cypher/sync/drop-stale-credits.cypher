// Incremental, after merge-tracks: removes credits silver no longer has ($rows[].creditKeys = ["<artistId>:<role>"]);
// returns the artists that lost one, for remove-orphan-artists.
UNWIND $rows AS row
MATCH (old:Artist)-[c:CREDITED]->(:Track {id: toInteger(row.id)})
WHERE NOT (toString(old.id) + ':' + c.role) IN row.creditKeys
DELETE c
RETURN collect(DISTINCT old.id) AS artistIds
