-- Per-source state the crawler keeps between runs: a pause set by the circuit breaker (an anti-bot page, a
-- string of failures) and the requests made per day (setlist.fm has a daily cap per API key).
CREATE TABLE ops.source_state (
  source       text PRIMARY KEY CHECK (ops.is_known_source(source)),
  paused_until timestamptz,
  pause_reason text,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ops.source_usage (
  source   text    NOT NULL CHECK (ops.is_known_source(source)),
  day      date    NOT NULL,
  requests integer NOT NULL DEFAULT 0,
  PRIMARY KEY (source, day)
);
