// Full-text search over title and artist credit (searchTracks), and edge weight for "strongest first" reads.
CREATE FULLTEXT INDEX track_search IF NOT EXISTS FOR (t:Track) ON EACH [t.title, t.artistCredit, t.version]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE RANGE INDEX transition_weight IF NOT EXISTS FOR ()-[r:TRANSITION]-() ON (r.weight);
CREATE RANGE INDEX track_plays IF NOT EXISTS FOR (t:Track) ON (t.plays);
