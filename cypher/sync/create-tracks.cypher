// --full (gold is empty): parallel lists $id, $title, $version, $artistCredit, $plays, one track per index.
// A NULL version sets no property, as SET t.version = NULL removes one in merge-tracks.
UNWIND range(0, size($id) - 1) AS i
CREATE (:Track {id: toInteger($id[i]), title: $title[i], version: $version[i], artistCredit: $artistCredit[i],
                plays: toInteger($plays[i])})
