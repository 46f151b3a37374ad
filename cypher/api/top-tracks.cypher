// topTracks without a lens: the most played tracks (plays = distinct performances), ties on id (range index
// track_plays). $skip, $limit.
MATCH (t:Track)
WHERE t.plays >= 1
RETURN t.id AS id, t.title AS title, t.version AS version, t.artistCredit AS artistCredit, t.plays AS plays
ORDER BY t.plays DESC, t.id
SKIP $skip
LIMIT $limit
