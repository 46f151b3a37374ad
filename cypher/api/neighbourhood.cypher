// The neighbourhood of a track in one round trip: expand up to $depth (1-3) rings from the centre, each ring
// taking the strongest edges first (at most $limit + 1, to know whether anything was cut), following the edges'
// direction for $direction 'OUT' (what is played after) or 'IN' (what is played before), both for 'BOTH'.
// Ties break on ids, so the answer is deterministic. Returns the kept edges and the nodes they touch as parallel
// lists (columns: one list per field, one index per node or edge) and truncated. Columns rather than a list of
// maps: the driver decodes each map's keys again for every node and edge, which was the largest cost of a depth-1
// neighbourhood in the API process (bench/api).
MATCH (c:Track {id: $trackId})
CALL {
  WITH c
  MATCH (c)-[r:TRANSITION]-(n:Track)
  WHERE r.weight >= $minWeight
    AND ($direction = 'BOTH' OR ($direction = 'OUT' AND startNode(r) = c) OR ($direction = 'IN' AND endNode(r) = c))
  WITH r, n ORDER BY r.weight DESC, n.id LIMIT $limit + 1
  RETURN collect(r) AS ring1Edges, collect(n) AS ring1
}
CALL {
  WITH c, ring1
  UNWIND CASE WHEN $depth >= 2 THEN ring1 ELSE [] END AS m
  MATCH (m)-[r:TRANSITION]-(n:Track)
  WHERE n <> c AND r.weight >= $minWeight
    AND ($direction = 'BOTH' OR ($direction = 'OUT' AND startNode(r) = m) OR ($direction = 'IN' AND endNode(r) = m))
  WITH DISTINCT r, n ORDER BY r.weight DESC, startNode(r).id, endNode(r).id LIMIT $limit + 1
  RETURN collect(r) AS ring2Edges, collect(DISTINCT n) AS ring2
}
CALL {
  WITH c, ring2
  UNWIND CASE WHEN $depth >= 3 THEN ring2 ELSE [] END AS m
  MATCH (m)-[r:TRANSITION]-(n:Track)
  WHERE n <> c AND r.weight >= $minWeight
    AND ($direction = 'BOTH' OR ($direction = 'OUT' AND startNode(r) = m) OR ($direction = 'IN' AND endNode(r) = m))
  WITH DISTINCT r ORDER BY r.weight DESC, startNode(r).id, endNode(r).id LIMIT $limit + 1
  RETURN collect(r) AS ring3Edges
}
// [null] keeps the row when no edge passes the filters: the centre alone is still an answer.
UNWIND CASE WHEN size(ring1Edges + ring2Edges + ring3Edges) = 0 THEN [null] ELSE ring1Edges + ring2Edges + ring3Edges END AS r
WITH c, r ORDER BY r.weight DESC, startNode(r).id, endNode(r).id
WITH c, collect(DISTINCT r) AS edges
WITH c, edges[..$limit] AS kept, size(edges) > $limit AS truncated
CALL {
  WITH c, kept
  UNWIND kept + [null] AS r
  WITH c, collect(startNode(r)) + collect(endNode(r)) + [c] AS ends
  UNWIND ends AS n
  WITH DISTINCT n
  RETURN collect(n) AS nodes
}
RETURN truncated,
       [n IN nodes | n.id] AS nodeId, [n IN nodes | n.title] AS nodeTitle, [n IN nodes | n.version] AS nodeVersion,
       [n IN nodes | n.artistCredit] AS nodeArtistCredit, [n IN nodes | n.plays] AS nodePlays,
       [r IN kept | startNode(r).id] AS edgeFrom, [r IN kept | endNode(r).id] AS edgeTo, [r IN kept | r.weight] AS edgeWeight,
       [r IN kept | r.djs] AS edgeDjs, [r IN kept | r.firstSeen] AS edgeFirstSeen, [r IN kept | r.lastSeen] AS edgeLastSeen
