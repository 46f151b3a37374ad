-- Pasted tracklists (issue 13 item 2): importTracklist queues one here; a crawl worker (`crawl worker`, woken by
-- NOTIFY crawl_requested 'tracklist-import:<id>') claims it and stores it through the same path as
-- `crawl import --format text` (bronze evidence, parse, refine into silver; provenance in ops.imports/import_items).
-- `body` is that text file: the header lines made from djs/date/title/source_url, then the pasted text.
CREATE TABLE ops.tracklist_imports (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body         text        NOT NULL,
  djs          text[]      NOT NULL,
  date         date,
  title        text,
  source_url   text,
  status       text        NOT NULL DEFAULT 'queued'
                           CHECK (status IN ('queued', 'importing', 'done', 'refused', 'failed')),
  reason       text,
  setlist_url  text,
  rows         integer,
  attempts     integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz
);
CREATE INDEX tracklist_imports_queued ON ops.tracklist_imports (id) WHERE status IN ('queued', 'importing');
