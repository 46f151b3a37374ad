// transitions(trackId, direction, orderBy) without a lens: the gold edges out of ($outgoing) or into a track, by
// $orderBy (WEIGHT | DJS | LAST_SEEN | FIRST_SEEN; a missing date last), then weight, then the other end's id.
// $trackId, $outgoing, $orderBy, $skip, $limit.
MATCH (c:Track {id: $trackId})-[r:TRANSITION]-(n:Track)
WHERE r.weight >= 1 AND (($outgoing AND startNode(r) = c) OR (NOT $outgoing AND endNode(r) = c))
RETURN startNode(r).id AS fromId, endNode(r).id AS toId, r.weight AS weight, r.djs AS djs,
       r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
ORDER BY CASE $orderBy WHEN 'WEIGHT' THEN r.weight WHEN 'DJS' THEN r.djs ELSE 0 END DESC,
         CASE WHEN $orderBy = 'LAST_SEEN' THEN coalesce(r.lastSeen, '') ELSE '' END DESC,
         CASE WHEN $orderBy = 'FIRST_SEEN' THEN r.firstSeen ELSE null END ASC,
         r.weight DESC, n.id
SKIP $skip
LIMIT $limit
