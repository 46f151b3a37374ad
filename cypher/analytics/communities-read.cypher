// The communities the sync's last community job stored (communities-publish): at least $minSize tracks, largest
// first, each with its most played tracks. A read only: nothing is computed here. $minSize, $first.
MATCH (c:Community) WHERE c.size >= $minSize
RETURN c.id AS community, c.size AS size, c.topTrackIds AS topTrackIds
ORDER BY size DESC, community
LIMIT $first
