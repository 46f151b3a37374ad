-- djs(query): artists credited as DJs of setlists, most setlists first, then name and id. $1: a lower-cased
-- prefix with LIKE's wildcards escaped (null: every DJ); it matches the start of the name or of one of its words.
-- $2 offset, $3 limit; $4 artist ids to keep (null: every DJ).
SELECT a.id, a.name, count(DISTINCT d.setlist_id)::integer AS setlists,
       min(s.date)::text AS first_date, max(s.date)::text AS last_date
FROM silver.setlist_djs d
JOIN silver.artists a ON a.id = d.artist_id
JOIN silver.setlists s ON s.id = d.setlist_id
WHERE silver.is_valid_artist_credit(a.name)
  AND ($1::text IS NULL OR lower(a.name) LIKE $1::text || '%' OR lower(a.name) LIKE '% ' || $1::text || '%')
  AND ($4::bigint[] IS NULL OR a.id = ANY ($4::bigint[]))
GROUP BY a.id, a.name
ORDER BY count(DISTINCT d.setlist_id) DESC, lower(a.name), a.id
OFFSET $2 LIMIT $3
