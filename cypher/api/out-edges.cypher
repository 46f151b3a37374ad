// One round of the path search: the strongest outgoing edges of every frontier track. $ids, $perNode.
UNWIND $ids AS id
MATCH (t:Track {id: id})
CALL {
  WITH t
  MATCH (t)-[r:TRANSITION]->(n:Track)
  RETURN n.id AS toId, r.weight AS weight, r.djs AS djs, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
  ORDER BY r.weight DESC, n.id
  LIMIT $perNode
}
RETURN id AS fromId, toId, weight, djs, firstSeen, lastSeen
