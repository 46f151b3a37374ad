// The neighbourhood at depth 1 (see neighbourhood.cypher, whose answer this is exactly: same edges, same order, same
// nodes, same truncated, same columns; server/test/integration/api-queries.test.ts compares the two). Without the
// second and third rings' subqueries and their final merge pass, Neo4j answers a depth-1 neighbourhood about 1.2x
// faster (bench/api), and depth 1 is what the explorer asks most.
MATCH (c:Track {id: $trackId})
OPTIONAL MATCH (c)-[r:TRANSITION]-(n:Track)
WHERE r.weight >= $minWeight
  AND ($direction = 'BOTH' OR ($direction = 'OUT' AND startNode(r) = c) OR ($direction = 'IN' AND endNode(r) = c))
// The ring as neighbourhood.cypher picks it (strongest first, ties on the neighbour's id), then its edges in the
// order of that statement's final pass.
WITH c, r, n ORDER BY r.weight DESC, n.id LIMIT $limit + 1
WITH c, r ORDER BY r.weight DESC, startNode(r).id, endNode(r).id
WITH c, collect(DISTINCT r) AS edges
WITH c, edges[..$limit] AS kept, size(edges) > $limit AS truncated
CALL {
  WITH c, kept
  UNWIND [r IN kept | startNode(r)] + [r IN kept | endNode(r)] + [c] AS n
  WITH DISTINCT n
  RETURN collect(n) AS nodes
}
RETURN truncated,
       [n IN nodes | n.id] AS nodeId, [n IN nodes | n.title] AS nodeTitle, [n IN nodes | n.version] AS nodeVersion,
       [n IN nodes | n.artistCredit] AS nodeArtistCredit, [n IN nodes | n.plays] AS nodePlays,
       [r IN kept | startNode(r).id] AS edgeFrom, [r IN kept | endNode(r).id] AS edgeTo, [r IN kept | r.weight] AS edgeWeight,
       [r IN kept | r.djs] AS edgeDjs, [r IN kept | r.firstSeen] AS edgeFirstSeen, [r IN kept | r.lastSeen] AS edgeLastSeen
