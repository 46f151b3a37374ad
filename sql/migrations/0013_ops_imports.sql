-- Imports of tracklist files (`npm run crawl -- import <file|folder>`): which file, its sha256, which entry of it
-- became which bronze page and what that did to silver. An imported setlist goes through the same
-- bronze -> refine path as a crawled one; these tables are its provenance and the skip list that makes a re-run
-- of the same file write nothing.

-- Two sources without a site of their own: a plain-text tracklist and a CUE sheet. Their setlist identity is the
-- source URL given with them (canonicalised), else a hash of their text (crawler/src/import/source-identity.ts).
CREATE OR REPLACE FUNCTION ops.is_known_source(source text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT source IN ('mixesdb', '1001tracklists', 'setlistfm', 'text', 'cue') $$;

-- An imported entry's text is stored as the evidence body of a bronze page of kind 'import' (url
-- `import:<file name>#<entry>`, no HTTP status: nothing was fetched). reparse-pages.sql reads only pages with an
-- HTTP status, so today's reparse leaves imported pages alone; crawler/src/import/reparse-imported.ts parses them.
ALTER TABLE bronze.pages DROP CONSTRAINT pages_kind_check;
ALTER TABLE bronze.pages ADD CONSTRAINT pages_kind_check CHECK (kind IN ('search', 'setlist', 'other', 'import'));

-- One row per file content and format: the same bytes imported again (under any name) are this import.
CREATE TABLE ops.imports (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_sha256  text        NOT NULL,
  format       text        NOT NULL,
  -- the path as given the first time (a later run under another name finds it by sha256)
  path         text        NOT NULL,
  bytes        bigint      NOT NULL,
  status       text        NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done')),
  entries      integer,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  summary      jsonb,
  UNIQUE (file_sha256, format)
);

-- One row per entry of a file (a JSON key, a .wiki file, a CSV mix, a whole HTML/CUE/text file), written after the
-- entry's setlists are stored: an entry without a row is done again by the next run (storing is idempotent).
CREATE TABLE ops.import_items (
  import_id     bigint      NOT NULL REFERENCES ops.imports (id) ON DELETE CASCADE,
  entry_key     text        NOT NULL,
  -- 1-based line of the file where the entry starts, when the format has lines
  line          integer,
  entry_sha256  text        NOT NULL,
  page_id       bigint REFERENCES bronze.pages (id) ON DELETE SET NULL,
  source        text,
  source_url    text,
  outcome       text        NOT NULL CHECK (outcome IN ('written', 'unchanged', 'not-refined', 'refused')),
  reason        text,
  rows          integer     NOT NULL DEFAULT 0,
  imported_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (import_id, entry_key)
);
-- The same entry in another file (or an edited copy of the file) is skipped before parsing.
CREATE INDEX import_items_entry_sha256 ON ops.import_items (entry_sha256);
CREATE INDEX import_items_page ON ops.import_items (page_id);
