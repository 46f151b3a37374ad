-- Silver: clean, identity-resolved artists, tracks and setlists.
-- Every table the sync reads carries changed_xid: the transaction that last wrote the row (see ops.sync_state).

-- The artist-validity rule (ARCHITECTURE §3). Twin of contracts/src/artist-validity.ts; both are asserted
-- against contracts/src/artist-validity-cases.json. NFKC first, so NBSP and other odd spaces become ' '.
CREATE FUNCTION silver.is_valid_artist_credit(credit text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN credit IS NULL THEN false ELSE NOT (
         c = ''
      OR c ~ '^[?\-‐-―._*…\s]*$'
      OR c = ANY (ARRAY['unknown', 'unknown artist', 'unknown artists', 'various', 'various artists',
                        'va', 'v/a', 'v.a.', 'id', 'n/a', '?'])
      OR c ~ ('^(unknown|unknown artist|unknown artists|various|various artists|va|v/a|v\.a\.|id|n/a|\?)\s*'
              '([-@‐-―:/,(\[|&+~.]|(feat\.?|ft\.?|featuring|vs\.?|versus|x|b2b|and)(\s|$))')
    ) END
    FROM (SELECT lower(btrim(regexp_replace(normalize(coalesce(credit, ''), NFKC), '\s+', ' ', 'g'))) AS c) AS n
  $$;

CREATE FUNCTION silver.touch_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW.changed_xid := pg_current_xact_id();
    NEW.updated_at := now();
    RETURN NEW;
  END
  $$;

CREATE TABLE silver.artists (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text        NOT NULL,
  -- normalised by the crawler's identity rules (case, accents, punctuation, leading "The")
  name_key    text        NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  changed_xid xid8        NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX artists_changed ON silver.artists (changed_xid);
CREATE TRIGGER artists_touch BEFORE UPDATE ON silver.artists FOR EACH ROW EXECUTE FUNCTION silver.touch_changed();

CREATE TABLE silver.tracks (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title         text        NOT NULL,
  -- "Dubfire Remix", "Ben Klock Process", NULL for the original: a remix is a different track.
  version       text,
  artist_credit text        NOT NULL,
  track_key     text        NOT NULL UNIQUE,
  artist_valid  boolean     GENERATED ALWAYS AS (silver.is_valid_artist_credit(artist_credit)) STORED,
  -- distinct setlists the track appears in; maintained by silver.recompute_setlists()
  plays         integer     NOT NULL DEFAULT 0,
  label         text,
  -- enrichment from music APIs comes later; missing stays NULL, never invented
  bpm           numeric(6, 2),
  musical_key   text,
  isrc          text,
  duration_ms   integer,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  changed_xid   xid8        NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX tracks_changed ON silver.tracks (changed_xid);
CREATE TRIGGER tracks_touch BEFORE UPDATE ON silver.tracks FOR EACH ROW EXECUTE FUNCTION silver.touch_changed();

CREATE TABLE silver.track_artists (
  track_id  bigint  NOT NULL REFERENCES silver.tracks (id) ON DELETE CASCADE,
  artist_id bigint  NOT NULL REFERENCES silver.artists (id) ON DELETE CASCADE,
  role      text    NOT NULL CHECK (role IN ('primary', 'featured', 'remixer')),
  position  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (track_id, artist_id, role)
);
CREATE INDEX track_artists_artist ON silver.track_artists (artist_id);

CREATE TABLE silver.setlists (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source            text        NOT NULL CHECK (ops.is_known_source(source)),
  source_url        text        NOT NULL,
  source_id         text,
  title             text        NOT NULL,
  dj_credit         text,
  event             text,
  venue             text,
  location          text,
  date              date,
  bronze_setlist_id bigint REFERENCES bronze.setlists (id) ON DELETE SET NULL,
  -- hash of the refined content: a re-crawl that changes nothing writes nothing
  content_sha256    text        NOT NULL,
  track_count       integer     NOT NULL DEFAULT 0,
  identified_count  integer     NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  changed_xid       xid8        NOT NULL DEFAULT pg_current_xact_id(),
  UNIQUE (source, source_url)
);
CREATE INDEX setlists_date ON silver.setlists (date DESC NULLS LAST);
CREATE TRIGGER setlists_touch BEFORE UPDATE ON silver.setlists FOR EACH ROW EXECUTE FUNCTION silver.touch_changed();

CREATE TABLE silver.setlist_djs (
  setlist_id bigint  NOT NULL REFERENCES silver.setlists (id) ON DELETE CASCADE,
  artist_id  bigint  NOT NULL REFERENCES silver.artists (id) ON DELETE CASCADE,
  position   integer NOT NULL DEFAULT 0,
  PRIMARY KEY (setlist_id, artist_id)
);
CREATE INDEX setlist_djs_artist ON silver.setlist_djs (artist_id);

-- Every row of a setlist in order, identified or not: an unidentified row keeps its place with track_id NULL,
-- which is what breaks the chain A -> ID -> B.
CREATE TABLE silver.setlist_tracks (
  setlist_id bigint  NOT NULL REFERENCES silver.setlists (id) ON DELETE CASCADE,
  part_index integer NOT NULL CHECK (part_index >= 0),
  part_name  text,
  position   integer NOT NULL CHECK (position >= 1),
  track_id   bigint REFERENCES silver.tracks (id),
  cue        text,
  raw        text,
  PRIMARY KEY (setlist_id, part_index, position)
);
CREATE INDEX setlist_tracks_track ON silver.setlist_tracks (track_id) WHERE track_id IS NOT NULL;

-- Derived from silver.setlist_tracks by silver.recompute_setlists() (0004): one row per adjacent identified pair.
-- Not ON DELETE CASCADE: deleting a setlist cascades to its setlist_tracks, whose trigger must still find these
-- rows to lower the weights; it deletes them itself, and the deferred check confirms none are left behind.
CREATE TABLE silver.transition_occurrences (
  setlist_id    bigint  NOT NULL REFERENCES silver.setlists (id) DEFERRABLE INITIALLY DEFERRED,
  part_index    integer NOT NULL,
  position      integer NOT NULL,
  from_track_id bigint  NOT NULL REFERENCES silver.tracks (id),
  to_track_id   bigint  NOT NULL REFERENCES silver.tracks (id),
  PRIMARY KEY (setlist_id, part_index, position)
);
CREATE INDEX transition_occurrences_pair ON silver.transition_occurrences (from_track_id, to_track_id);

-- The weighted edges. A pair whose last occurrence disappeared keeps its row with weight 0 until the sync
-- has removed the edge from Neo4j (the sync reads it through changed_xid).
CREATE TABLE silver.transitions (
  from_track_id bigint      NOT NULL REFERENCES silver.tracks (id),
  to_track_id   bigint      NOT NULL REFERENCES silver.tracks (id),
  weight        integer     NOT NULL CHECK (weight >= 0),   -- distinct setlists
  djs           integer     NOT NULL CHECK (djs >= 0),      -- distinct DJs over those setlists
  occurrences   integer     NOT NULL CHECK (occurrences >= 0),
  first_seen    date,
  last_seen     date,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  changed_xid   xid8        NOT NULL DEFAULT pg_current_xact_id(),
  PRIMARY KEY (from_track_id, to_track_id)
);
CREATE INDEX transitions_to ON silver.transitions (to_track_id);
CREATE INDEX transitions_changed ON silver.transitions (changed_xid);
CREATE INDEX transitions_weight ON silver.transitions (weight DESC) WHERE weight > 0;
CREATE TRIGGER transitions_touch BEFORE UPDATE ON silver.transitions
  FOR EACH ROW EXECUTE FUNCTION silver.touch_changed();
