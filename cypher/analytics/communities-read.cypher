// The communities label propagation found: at least $minSize tracks, largest first, each with its most played
// tracks. $minSize, $first.
MATCH (t:Track) WHERE t.lpa IS NOT NULL
WITH t.lpa AS community, t ORDER BY t.plays DESC, t.id
WITH community, collect(t) AS members
WHERE size(members) >= $minSize
RETURN community, size(members) AS size, [m IN members[..10] | m.id] AS topTrackIds
ORDER BY size DESC, community
LIMIT $first
