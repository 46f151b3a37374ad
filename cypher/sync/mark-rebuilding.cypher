// Before a --full run clears gold: until mark-synced, this instance is half-built and the API's gold pool reads
// from another instance if one is ready. $instance = SYNC_INSTANCE_NAME.
MERGE (s:GoldState {key: 'sync'})
SET s.instance = $instance, s.rebuilding = true, s.rebuildStartedAt = datetime()
