// --full (gold is empty): parallel lists $id, $title, $version, $artistCredit, $plays, one track per index.
// A NULL version sets no property, as SET t.version = NULL removes one in merge-tracks.
// Returns the new nodes' element ids in $id's order: create-credits and create-transitions find the tracks by
// element id (a direct record lookup) instead of seeking the track_id index twice per relationship (bench/sync).
UNWIND range(0, size($id) - 1) AS i
CREATE (t:Track {id: toInteger($id[i]), title: $title[i], version: $version[i], artistCredit: $artistCredit[i],
                 plays: toInteger($plays[i])})
RETURN collect(elementId(t)) AS nodes
