// Bridge tracks between scenes, a degree-normalised proxy for betweenness: among the $candidates best-connected
// tracks, degree x (1 - local clustering) — many neighbours that do not play into each other. $candidates, $first.
MATCH (t:Track)
WITH t, COUNT { (t)-[:TRANSITION]-() } AS degree
ORDER BY degree DESC, t.id
LIMIT $candidates
CALL {
  WITH t
  MATCH (t)-[:TRANSITION]-(n:Track)
  RETURN collect(DISTINCT n) AS neighbours
}
WITH t, neighbours, size(neighbours) AS k
CALL {
  WITH neighbours
  UNWIND neighbours AS a
  MATCH (a)-[:TRANSITION]->(b:Track)
  WHERE b IN neighbours
  RETURN count(*) AS links
}
WITH t, k, CASE WHEN k < 2 THEN 1.0 ELSE toFloat(links) / (k * (k - 1)) END AS clustering
RETURN t.id AS id, k * (1.0 - clustering) AS score
ORDER BY score DESC, id
LIMIT $first
