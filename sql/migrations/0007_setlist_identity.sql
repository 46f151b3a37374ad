-- A setlist's identity is the source's own (ARCHITECTURE §8, docs/identity.md): the MixesDB page title, the
-- 1001tracklists tracklist id, the setlist.fm setlist id, stored with the canonical https:// URL a person can open.
-- Until now a setlist was keyed by the URL it was fetched from, so the replay server's http://127.0.0.1:<port>/w/…
-- ended up in silver, a reparse under another base URL found nothing, and the same mix fetched through two
-- origins was stored (and counted) twice. This migration rewrites what is stored and makes (source, source_id)
-- silver's key. bronze.pages keeps the URL really fetched: that is evidence, not identity.
--
-- The functions below are twins of crawler/src/sources/*/urls.ts (the crawler applies those before it writes);
-- crawler/test/integration/setlist-identity.test.ts asserts both give the same answer on real titles and URLs.

-- "2017-10-22_-_Ben_Klock  @ X " -> "2017-10-22 - Ben Klock @ X": MediaWiki's spaces for underscores, runs of
-- spaces as one, none at the ends. NULL for nothing left or a URL where a title belongs.
CREATE FUNCTION silver.mixesdb_title(raw text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN t = '' OR t ~* '^https?://' THEN NULL ELSE t END
    FROM (SELECT btrim(regexp_replace(replace(coalesce(raw, ''), '_', ' '), ' +', ' ', 'g'), ' ') AS t) AS n
  $$;

-- The page people read: MediaWiki's wfUrlencode of the title with underscores (PHP urlencode of the UTF-8 bytes,
-- then ; : @ $ ! * ( ) , / ~ left as they are), e.g. ".../w/2004-02-29_-_Harry_%27Choo_Choo%27_Romero_-_Essential_Mix".
CREATE FUNCTION silver.mixesdb_page_url(title text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT 'https://www.mixesdb.com/w/' || string_agg(
             CASE WHEN c ~ '^[A-Za-z0-9_.;:@$!*(),/~-]$' THEN c
                  ELSE upper(regexp_replace(encode(convert_to(c, 'UTF8'), 'hex'), '(..)', '%\1', 'g')) END,
             '' ORDER BY i)
    FROM regexp_split_to_table(replace(title, ' ', '_'), '') WITH ORDINALITY AS t(c, i)
  $$;

-- (source, stored id, stored URL) -> the canonical id and URL, or NULLs when no identity can be recovered.
CREATE FUNCTION silver.canonical_setlist_identity(source text, source_id text, source_url text,
                                                  OUT id text, OUT url text)
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
  DECLARE
    path text;
  BEGIN
    IF source = 'mixesdb' THEN
      id := silver.mixesdb_title(source_id);
      url := silver.mixesdb_page_url(id);
    ELSIF source = '1001tracklists' THEN
      id := coalesce(nullif(btrim(source_id), ''), substring(source_url FROM '/tracklist/([0-9A-Za-z]+)(?:[/?#]|$)'));
      IF id IS NULL OR id !~ '^[0-9A-Za-z]+$' THEN
        id := NULL;
      ELSE
        path := substring(source_url FROM '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+(/tracklist/[^?#]*)');
        url := 'https://www.1001tracklists.com' ||
               CASE WHEN path LIKE '/tracklist/' || id || '/_%' THEN path ELSE '/tracklist/' || id || '/' END;
      END IF;
    ELSIF source = 'setlistfm' THEN
      path := substring(source_url FROM '^https?://(?:www\.)?setlist\.fm(/setlist/[^?#]+)');
      id := nullif(btrim(source_id), '');
      url := 'https://www.setlist.fm' || path;
      IF id IS NULL OR url IS NULL THEN
        id := NULL;
        url := NULL;
      END IF;
    END IF;
  END
  $$;

CREATE INDEX bronze_setlists_identity ON bronze.setlists (source, source_id);

-- Bronze: each parse gets the identity it stands for. A page parsed twice by one parser version under two
-- origins would now be two rows for one (page, URL, version): the first is kept and silver pointed at it.
CREATE TEMP TABLE bronze_identity ON COMMIT DROP AS
SELECT b.id, c.id AS source_id, c.url AS source_url,
       first_value(b.id) OVER (PARTITION BY b.page_id, c.url, b.parser_version ORDER BY b.id) AS keeper
FROM bronze.setlists b
CROSS JOIN LATERAL silver.canonical_setlist_identity(b.source, b.source_id, b.source_url) c
WHERE c.id IS NOT NULL;

UPDATE silver.setlists s SET bronze_setlist_id = i.keeper
FROM bronze_identity i WHERE s.bronze_setlist_id = i.id AND i.keeper <> i.id;
DELETE FROM bronze.setlists b USING bronze_identity i WHERE b.id = i.id AND i.keeper <> i.id;
UPDATE bronze.setlists b SET source_id = i.source_id, source_url = i.source_url
FROM bronze_identity i
WHERE b.id = i.id AND (b.source_id, b.source_url) IS DISTINCT FROM (i.source_id, i.source_url);

-- Silver: one setlist per identity. Of the copies one source setlist left under several origins, the one refined
-- last is kept; deleting the others goes through the triggers of 0004, which lower the weights they carried.
-- A row whose identity cannot be recovered keeps its URL as its id (it stays what it was: one setlist).
CREATE TEMP TABLE silver_identity ON COMMIT DROP AS
SELECT s.id, coalesce(c.id, s.source_url) AS source_id, coalesce(c.url, s.source_url) AS source_url,
       row_number() OVER (PARTITION BY s.source, coalesce(c.id, s.source_url) ORDER BY s.updated_at DESC, s.id DESC) AS copy
FROM silver.setlists s
CROSS JOIN LATERAL silver.canonical_setlist_identity(s.source, s.source_id, s.source_url) c;

DELETE FROM silver.setlists s USING silver_identity i WHERE s.id = i.id AND i.copy > 1;
-- The deferred check of transition_occurrences (0003) runs now: ALTER TABLE refuses a table with pending checks.
SET CONSTRAINTS ALL IMMEDIATE;
UPDATE silver.setlists s SET source_id = i.source_id, source_url = i.source_url
FROM silver_identity i
WHERE s.id = i.id AND (s.source_id, s.source_url) IS DISTINCT FROM (i.source_id, i.source_url);

-- A row written straight into silver without an id (a hand-made test setlist, a synthetic benchmark) is known by
-- its URL, as before; the crawler always gives the source's id (crawler/src/refine/setlist-identity.ts).
CREATE FUNCTION silver.default_source_id() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW.source_id := coalesce(NEW.source_id, NEW.source_url);
    RETURN NEW;
  END
  $$;
CREATE TRIGGER setlists_default_source_id BEFORE INSERT ON silver.setlists
  FOR EACH ROW EXECUTE FUNCTION silver.default_source_id();

ALTER TABLE silver.setlists ALTER COLUMN source_id SET NOT NULL;
ALTER TABLE silver.setlists DROP CONSTRAINT setlists_source_source_url_key;
ALTER TABLE silver.setlists ADD CONSTRAINT setlists_identity UNIQUE (source, source_id);
