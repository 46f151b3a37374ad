// After every batch of a run is committed: gold holds silver up to $watermark (xid8 as text). Returns the instance
// name the marker carried before, so a sync can tell when another sync instance feeds the same Neo4j.
MERGE (s:GoldState {key: 'sync'})
WITH s, s.instance AS previous
SET s.instance = $instance, s.rebuilding = false, s.watermark = $watermark, s.syncedAt = datetime()
RETURN previous
