-- Schemas and the operational tables: crawl runs, target track searches, sync state.
CREATE SCHEMA IF NOT EXISTS ops;
CREATE SCHEMA IF NOT EXISTS bronze;
CREATE SCHEMA IF NOT EXISTS silver;

-- Sources the crawler knows. A CHECK rather than an enum: adding a source is one migration line either way,
-- and a CHECK can be changed without ALTER TYPE's transaction restrictions.
CREATE FUNCTION ops.is_known_source(source text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT source IN ('mixesdb', '1001tracklists', 'setlistfm') $$;

CREATE TABLE ops.crawl_runs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  worker      text        NOT NULL,
  command     text        NOT NULL,
  args        jsonb       NOT NULL DEFAULT '{}',
  status      text        NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ok', 'failed', 'aborted')),
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  summary     jsonb
);
CREATE INDEX crawl_runs_started_at ON ops.crawl_runs (started_at DESC);

-- One row per (target track, source): each source is searched, scheduled and retried on its own.
CREATE TABLE ops.target_track_searches (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  artist            text        NOT NULL CHECK (btrim(artist) <> ''),
  title             text        NOT NULL CHECK (btrim(title) <> ''),
  search_query      text        GENERATED ALWAYS AS (btrim(artist) || ' ' || btrim(title)) STORED,
  source            text        NOT NULL CHECK (ops.is_known_source(source)),
  status            text        NOT NULL DEFAULT 'pending'
                                CHECK (status IN ('pending', 'searching', 'done', 'failed', 'blocked', 'skipped')),
  last_searched_at  timestamptz,
  next_search_after timestamptz NOT NULL DEFAULT now(),
  results_found     integer     NOT NULL DEFAULT 0,
  setlists_found    integer     NOT NULL DEFAULT 0,
  attempts          integer     NOT NULL DEFAULT 0,
  last_error        text,
  claimed_by        text,
  claimed_at        timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
-- The same track is one target per source, however it was typed.
CREATE UNIQUE INDEX target_track_searches_identity
  ON ops.target_track_searches (lower(btrim(artist)), lower(btrim(title)), source);
-- Claiming due work: WHERE status <> 'searching' AND next_search_after <= now() ORDER BY next_search_after.
CREATE INDEX target_track_searches_due ON ops.target_track_searches (next_search_after) WHERE status <> 'searching';

-- The sync's watermark: every silver row whose changed_xid is at or above it may not have reached Neo4j yet.
CREATE TABLE ops.sync_state (
  name           text PRIMARY KEY,
  watermark_xid  xid8,
  last_synced_at timestamptz,
  last_result    jsonb
);
