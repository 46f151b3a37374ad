// Tracks by id, for DataLoader batches. $ids: list of integers.
UNWIND $ids AS id
MATCH (t:Track {id: id})
RETURN t.id AS id, t.title AS title, t.version AS version, t.artistCredit AS artistCredit, t.plays AS plays
