MATCH (a:Track {id: $fromId})-[r:TRANSITION]->(b:Track {id: $toId})
RETURN a.id AS fromId, b.id AS toId, r.weight AS weight, r.djs AS djs, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
