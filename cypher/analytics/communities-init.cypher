// Label propagation, step 1 (the sync's community job, server/src/sync/communities.ts): the $scope most played
// tracks start with their own id as label (lpa, a working property; the result is stored by communities-publish);
// every other track has none. Plain Cypher: Community edition has no GDS.
MATCH (t:Track) WHERE t.lpa IS NOT NULL
REMOVE t.lpa
WITH count(*) AS cleared
MATCH (t:Track)
WITH t ORDER BY t.plays DESC, t.id LIMIT $scope
SET t.lpa = t.id
RETURN count(t) AS labelled
