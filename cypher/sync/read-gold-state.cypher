// The gold marker (one :GoldState node, written by the sync that feeds this instance): which sync instance, the
// watermark of its last finished run, and whether a --full rebuild is under way (or was killed half-way). No marker
// (rebuilding = null): nothing ever synced into this instance. Read by the API's gold pool and the sync's /readyz.
OPTIONAL MATCH (s:GoldState {key: 'sync'})
RETURN s.instance AS instance, s.rebuilding AS rebuilding, s.watermark AS watermark
