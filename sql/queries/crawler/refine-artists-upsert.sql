-- Artists by normalised key, in key order so concurrent refines lock rows in the same order. Returns every id.
WITH wanted AS (
  SELECT DISTINCT ON (a.name_key) a.name_key, a.name
  FROM jsonb_to_recordset($1::jsonb) AS a(name_key text, name text)
  ORDER BY a.name_key
), inserted AS (
  INSERT INTO silver.artists (name, name_key)
  SELECT name, name_key FROM wanted ORDER BY name_key
  ON CONFLICT (name_key) DO NOTHING
  RETURNING id, name_key
)
SELECT id, name_key FROM inserted
UNION ALL
SELECT a.id, a.name_key FROM silver.artists a JOIN wanted w USING (name_key)
