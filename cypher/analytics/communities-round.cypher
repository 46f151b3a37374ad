// Label propagation, one round: each labelled track takes the label with the largest summed transition weight
// among its labelled neighbours; a tie keeps the track's own label if it is among the best, else goes to the
// smallest. Keeping it matters: every track reads its neighbours' labels of the previous round, and without it
// the tracks of a tight group keep swapping labels (a 4-track group played in every order ended in 3 communities).
// Returns how many labels changed.
MATCH (t:Track) WHERE t.lpa IS NOT NULL
CALL {
  WITH t
  MATCH (t)-[r:TRANSITION]-(n:Track) WHERE n.lpa IS NOT NULL
  WITH t, n.lpa AS label, sum(r.weight) AS weight
  ORDER BY weight DESC, CASE WHEN label = t.lpa THEN 0 ELSE 1 END, label
  LIMIT 1
  RETURN label
}
WITH t, label WHERE label <> t.lpa
SET t.lpa = label
RETURN count(t) AS changed
