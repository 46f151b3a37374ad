// The gold side of `npm run sync -- --check` (twin: sql/queries/sync/check-silver.sql). Counts, and per kind an
// order-independent checksum: the sum of a per-row hash that Cypher (no APOC, no md5) and SQL compute alike with
// 64-bit integer arithmetic: every step stays below 2^63 because it works modulo the prime 2^31 - 1.
// edges = (from, to, weight); edgeDetails = (from, to, djs, firstSeen, lastSeen); tracks = (id, plays).
CALL {
  MATCH (t:Track)
  WITH t.id % 2147483647 AS i, t.plays AS plays
  WITH (i * 65599 + plays) % 2147483647 AS h
  RETURN count(*) AS tracks, sum((h * h + 7) % 2147483647) AS trackSum
}
CALL {
  MATCH (a:Artist)
  WITH (a.id % 2147483647 * 65599 + 13) % 2147483647 AS h
  RETURN count(*) AS artists, sum((h * h + 1) % 2147483647) AS artistSum
}
CALL {
  MATCH (a:Artist)-[c:CREDITED]->(t:Track)
  WITH (a.id % 2147483647 * 65599 + t.id % 2147483647) % 2147483647 AS h,
       CASE c.role WHEN 'primary' THEN 1 WHEN 'featured' THEN 2 WHEN 'remixer' THEN 3 ELSE 4 END AS role
  RETURN count(*) AS credits, sum((h * h + role) % 2147483647) AS creditSum
}
CALL {
  MATCH (a:Track)-[r:TRANSITION]->(b:Track)
  WITH (a.id % 2147483647 * 65599 + b.id % 2147483647) % 2147483647 AS h, r
  WITH h, (h * h + r.weight) % 2147483647 AS w,
       (h * h + r.djs) % 2147483647 AS d,
       coalesce(toInteger(replace(r.firstSeen, '-', '')), 0) AS first,
       coalesce(toInteger(replace(r.lastSeen, '-', '')), 0) AS last
  WITH (w * w + 40503) % 2147483647 AS edge, ((d * d + first) % 2147483647) AS d2, last
  RETURN count(*) AS transitions, sum(edge) AS edgeSum, sum((d2 * d2 + last) % 2147483647) AS edgeDetailSum
}
// Sums as strings: exact, whatever their size (the driver turns integers into JS numbers).
RETURN tracks, toString(trackSum) AS trackSum, artists, toString(artistSum) AS artistSum, credits,
       toString(creditSum) AS creditSum, transitions, toString(edgeSum) AS edgeSum,
       toString(edgeDetailSum) AS edgeDetailSum
