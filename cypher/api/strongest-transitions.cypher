// The strongest transitions into ($outgoing = false) or out of ($outgoing = true) many tracks. $ids, $first.
UNWIND $ids AS id
MATCH (t:Track {id: id})
CALL {
  WITH t
  MATCH (t)-[r:TRANSITION]-(n:Track)
  WHERE ($outgoing AND startNode(r) = t) OR (NOT $outgoing AND endNode(r) = t)
  RETURN startNode(r).id AS fromId, endNode(r).id AS toId, r.weight AS weight, r.djs AS djs,
         r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
  ORDER BY r.weight DESC, n.id
  LIMIT $first
}
RETURN id, collect({fromId: fromId, toId: toId, weight: weight, djs: djs, firstSeen: firstSeen, lastSeen: lastSeen}) AS transitions
