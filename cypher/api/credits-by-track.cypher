// Credits of many tracks at once. $ids: list of track ids.
UNWIND $ids AS id
MATCH (a:Artist)-[c:CREDITED]->(t:Track {id: id})
RETURN t.id AS trackId, a.id AS artistId, a.name AS name, c.role AS role
ORDER BY trackId, CASE c.role WHEN 'primary' THEN 0 WHEN 'featured' THEN 1 ELSE 2 END, name
