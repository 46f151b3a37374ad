-- Bronze: the evidence, append-only. Raw pages as fetched, and every tracklist row as a parser read it.
-- A new parser version re-parses bronze.pages into new bronze.setlists rows without fetching again.

CREATE TABLE bronze.pages (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source          text        NOT NULL CHECK (ops.is_known_source(source)),
  url             text        NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('search', 'setlist', 'other')),
  http_status     integer,
  content_type    text,
  body            text        NOT NULL,
  body_sha256     text        NOT NULL,
  fetched_at      timestamptz NOT NULL DEFAULT now(),
  -- The same body fetched again only moves this; the evidence itself is never rewritten.
  last_fetched_at timestamptz NOT NULL DEFAULT now(),
  crawl_run_id    bigint REFERENCES ops.crawl_runs (id) ON DELETE SET NULL,
  UNIQUE (source, url, body_sha256)
);
CREATE INDEX pages_source_url ON bronze.pages (source, url, fetched_at DESC);

CREATE TABLE bronze.setlists (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id        bigint      NOT NULL REFERENCES bronze.pages (id) ON DELETE CASCADE,
  source         text        NOT NULL CHECK (ops.is_known_source(source)),
  source_url     text        NOT NULL,
  source_id      text,
  title          text,
  djs            text[]      NOT NULL DEFAULT '{}',
  event          text,
  venue          text,
  location       text,
  date_text      text,
  date           date,
  parser_version text        NOT NULL,
  status         text        NOT NULL CHECK (status IN ('ok', 'blocked', 'empty', 'error')),
  status_reason  text,
  warnings       text[]      NOT NULL DEFAULT '{}',
  row_count      integer     NOT NULL DEFAULT 0,
  parsed_at      timestamptz NOT NULL DEFAULT now(),
  crawl_run_id   bigint REFERENCES ops.crawl_runs (id) ON DELETE SET NULL,
  -- One parse of one page by one parser version (a setlist.fm search page holds many setlists).
  UNIQUE (page_id, source_url, parser_version)
);
CREATE INDEX bronze_setlists_source_url ON bronze.setlists (source, source_url, parsed_at DESC);

CREATE TABLE bronze.setlist_rows (
  setlist_id   bigint  NOT NULL REFERENCES bronze.setlists (id) ON DELETE CASCADE,
  part_index   integer NOT NULL CHECK (part_index >= 0),
  part_name    text,
  position     integer NOT NULL CHECK (position >= 1),
  cue          text,
  cue_seconds  integer,
  raw          text    NOT NULL,
  artist       text,
  title        text,
  version      text,
  remixers     text[]  NOT NULL DEFAULT '{}',
  featured     text[]  NOT NULL DEFAULT '{}',
  label        text,
  catalog      text,
  unidentified boolean NOT NULL DEFAULT false,
  artist_valid boolean NOT NULL DEFAULT false,
  warnings     text[]  NOT NULL DEFAULT '{}',
  PRIMARY KEY (setlist_id, part_index, position)
);
