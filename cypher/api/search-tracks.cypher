// Full-text search (index track_search over title, artistCredit, version). $query is a Lucene query built from
// escaped terms by the server (never the raw user string); $skip/$limit page through it.
CALL db.index.fulltext.queryNodes('track_search', $query) YIELD node, score
RETURN node.id AS id, node.title AS title, node.version AS version, node.artistCredit AS artistCredit,
       node.plays AS plays, score
ORDER BY score DESC, node.plays DESC, node.id
SKIP $skip
LIMIT $limit
