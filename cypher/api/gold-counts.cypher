// Counts of the gold graph, for `stats`.
CALL { MATCH (t:Track) RETURN count(t) AS tracks }
CALL { MATCH (a:Artist) RETURN count(a) AS artists }
CALL { MATCH ()-[r:TRANSITION]->() RETURN count(r) AS transitions }
RETURN tracks, artists, transitions
