// Label propagation, one round: each labelled track takes the label with the largest summed transition weight
// among its labelled neighbours (ties to the smallest label). Returns how many labels changed.
MATCH (t:Track) WHERE t.lpa IS NOT NULL
CALL {
  WITH t
  MATCH (t)-[r:TRANSITION]-(n:Track) WHERE n.lpa IS NOT NULL
  WITH n.lpa AS label, sum(r.weight) AS weight
  ORDER BY weight DESC, label
  LIMIT 1
  RETURN label
}
WITH t, label WHERE label <> t.lpa
SET t.lpa = label
RETURN count(t) AS changed
