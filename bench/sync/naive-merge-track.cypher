// bench/sync baseline: the naive projection, one row per statement and per transaction.
MERGE (t:Track {id: $id})
SET t.title = $title, t.version = $version, t.artistCredit = $artistCredit, t.plays = $plays
