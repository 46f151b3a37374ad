// Label propagation, step 1: the $scope most played tracks start with their own id as label (lpa, a derived
// property only these analytics use); every other track has none. Plain Cypher: Community edition has no GDS.
MATCH (t:Track) WHERE t.lpa IS NOT NULL
REMOVE t.lpa
WITH count(*) AS cleared
MATCH (t:Track)
WITH t ORDER BY t.plays DESC, t.id LIMIT $scope
SET t.lpa = t.id
RETURN count(t) AS labelled
