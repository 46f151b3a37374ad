// --full: removes up to $limit tracks with their edges and credits; returns their ids for NOTIFY graph_changed.
// Run until it returns no ids. Parameters arrive as JS numbers (floats): every id goes through toInteger().
MATCH (t:Track)
WITH t LIMIT $limit
WITH t, t.id AS id
DETACH DELETE t
RETURN collect(id) AS ids
