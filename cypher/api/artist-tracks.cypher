// An artist's tracks, most played first. $id, $first.
MATCH (:Artist {id: $id})-[:CREDITED]->(t:Track)
WITH DISTINCT t
RETURN t.id AS id, t.title AS title, t.version AS version, t.artistCredit AS artistCredit, t.plays AS plays
ORDER BY t.plays DESC, t.id
LIMIT $first
