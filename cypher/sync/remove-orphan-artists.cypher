// Incremental, last in a batch: of $ids (artists that lost a credit), those credited on no track leave gold.
UNWIND $ids AS rawId
MATCH (a:Artist {id: toInteger(rawId)})
WHERE NOT (a)-[:CREDITED]->()
DELETE a
RETURN count(a) AS removed
