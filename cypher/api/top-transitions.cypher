// The heaviest transitions of the graph (range index transition_weight). $skip, $limit.
MATCH (a:Track)-[r:TRANSITION]->(b:Track)
WHERE r.weight >= 1
RETURN a.id AS fromId, b.id AS toId, r.weight AS weight, r.djs AS djs, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
ORDER BY r.weight DESC, a.id, b.id
SKIP $skip
LIMIT $limit
