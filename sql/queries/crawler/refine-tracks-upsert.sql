-- Tracks by identity key; the first spelling seen is the one shown. Returns every id, new or existing.
WITH wanted AS (
  SELECT DISTINCT ON (t.track_key) t.track_key, t.title, t.version, t.artist_credit, t.label
  FROM jsonb_to_recordset($1::jsonb) AS t(track_key text, title text, version text, artist_credit text, label text)
  ORDER BY t.track_key
), inserted AS (
  INSERT INTO silver.tracks (track_key, title, version, artist_credit, label)
  SELECT track_key, title, version, artist_credit, label FROM wanted ORDER BY track_key
  ON CONFLICT (track_key) DO NOTHING
  RETURNING id, track_key
)
SELECT id, track_key FROM inserted
UNION ALL
SELECT t.id, t.track_key FROM silver.tracks t JOIN wanted w USING (track_key)
