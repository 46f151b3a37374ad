// Label propagation, last step (the sync's community job, server/src/sync/communities.ts): replaces the stored
// result in one transaction, so the `communities` query (communities-read) sees the previous result or this one,
// never a round in progress. One (:Community) per label: its size and its most played tracks (up to 10).
OPTIONAL MATCH (old:Community)
DETACH DELETE old
WITH count(*) AS cleared
MATCH (t:Track) WHERE t.lpa IS NOT NULL
WITH t.lpa AS community, t ORDER BY t.plays DESC, t.id
WITH community, collect(t.id) AS members
CREATE (c:Community {id: community, size: size(members), topTrackIds: members[..10], computedAt: datetime()})
RETURN count(c) AS communities
