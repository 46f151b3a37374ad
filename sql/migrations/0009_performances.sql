-- One performance, counted once (ARCHITECTURE §8; the rule, its threshold and the real cases behind them:
-- docs/identity.md). A performance is one DJ set that happened. Silver keeps every source's setlist with its
-- provenance; silver.setlists.performance_id groups the setlists that carry the same set. Two setlists are the
-- same performance when
--   1. both have the same full date, and
--   2. the longest common subsequence of their identified rows, compared by artists and title (version aside),
--      is at least 3 rows and at least half the identified rows of the shorter setlist, and
--   3. they share a DJ (credits split at b2b, &, and, vs, x, +, ","), or else that common subsequence is at least
--      three quarters of the shorter setlist (an upload credited to a show, a label or "VA" rather than the DJ);
-- and a performance is a connected group of such pairs (a 2-part upload joins through the full set).
--
-- transitions.weight and tracks.plays count distinct performances, transitions.djs distinct DJ names over them;
-- transitions.setlists and occurrences keep counting setlists and rows. Grouping is derived in SQL by the same
-- triggers that derive transitions, set-based over arrays of setlist ids, so every way into silver gets it.
--
-- Locking: regrouping updates performance_id on setlists other than the ones written, under the advisory lock the
-- recompute has always taken (hashtext('silver.recompute_setlists'), held to commit). A transaction that updates or
-- locks existing silver.setlists rows should take that lock first (the crawler's refine does:
-- sql/queries/crawler/refine-lock.sql); one that waits for it while holding such a row lock may be chosen as a
-- deadlock victim and must be retried. Inserting new setlists needs nothing: nobody else can see them yet.

CREATE SEQUENCE silver.performance_ids AS bigint;
-- Every setlist starts as a performance of its own; silver.recompute_performances() joins and splits them.
ALTER TABLE silver.setlists ADD COLUMN performance_id bigint NOT NULL DEFAULT nextval('silver.performance_ids');
ALTER SEQUENCE silver.performance_ids OWNED BY silver.setlists.performance_id;
-- The individual DJs of the setlist (silver.dj_key of each piece of each credit), kept by a trigger on setlist_djs.
ALTER TABLE silver.setlists ADD COLUMN dj_keys text[] NOT NULL DEFAULT '{}';
CREATE INDEX setlists_performance ON silver.setlists (performance_id);
CREATE INDEX setlists_on_date ON silver.setlists (date) WHERE date IS NOT NULL;

ALTER TABLE silver.transitions ADD COLUMN setlists integer NOT NULL DEFAULT 0 CHECK (setlists >= 0);
COMMENT ON COLUMN silver.transitions.weight IS 'distinct performances (docs/identity.md)';
COMMENT ON COLUMN silver.transitions.setlists IS 'distinct setlists (one performance may have several sources)';
COMMENT ON COLUMN silver.transitions.djs IS 'distinct DJ names over those setlists (credits split at b2b, &, ...)';
COMMENT ON COLUMN silver.tracks.plays IS 'distinct performances that play the track';

-- One performance per row, with its setlists: what the API and stats read.
CREATE VIEW silver.performances AS
  SELECT performance_id AS id, min(date) AS date, count(*)::integer AS setlists, array_agg(id ORDER BY id) AS setlist_ids
  FROM silver.setlists
  GROUP BY performance_id;

-- A DJ name as a key, close to the crawler's artistKey: case, accents, "&"/"and", punctuation and a leading "The"
-- do not matter ("Rødhåd" = "Rodhad", "The Black Dog" = "Black Dog").
CREATE FUNCTION silver.dj_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT regexp_replace(
             regexp_replace(
               replace(replace(replace(replace(replace(translate(lower(normalize(name, NFKD)), 'øđðłıħ', 'oddlih'),
                 'æ', 'ae'), 'œ', 'oe'), 'ß', 'ss'), 'þ', 'th'), '&', ' and '),
               '^\s*the\s+', ''),
             '[^[:alnum:]]', '', 'g')
  $$;

-- The DJs of a credit one by one: "A b2b B", "A & B", "A, B and C", "A vs. B", "A x B", "A + B".
CREATE FUNCTION silver.dj_keys_of(credit text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}')
    FROM regexp_split_to_table(credit, '\s*,\s*|\s+(?:b2b|b3b|&|and|vs\.?|x|\+)\s+', 'i') AS piece,
         LATERAL (SELECT silver.dj_key(piece) AS k) key
    WHERE k <> '' AND silver.is_valid_artist_credit(piece)
  $$;

-- Longest common subsequence of two sequences: how much of a set two tracklists tell in the same order.
CREATE FUNCTION silver.common_subsequence_length(a bigint[], b bigint[]) RETURNS integer
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
  DECLARE
    n integer := coalesce(cardinality(a), 0);
    m integer := coalesce(cardinality(b), 0);
    prev integer[];
    cur integer[];
  BEGIN
    IF n = 0 OR m = 0 THEN RETURN 0; END IF;
    prev := array_fill(0, ARRAY[m + 1]);
    FOR i IN 1..n LOOP
      cur := array_fill(0, ARRAY[m + 1]);
      FOR j IN 1..m LOOP
        IF a[i] = b[j] THEN
          cur[j + 1] := prev[j] + 1;
        ELSE
          cur[j + 1] := greatest(prev[j + 1], cur[j]);
        END IF;
      END LOOP;
      prev := cur;
    END LOOP;
    RETURN prev[m + 1];
  END
  $$;

-- Refreshes setlists.dj_keys of the given setlists from their DJs.
CREATE FUNCTION silver.refresh_dj_keys(setlist_ids bigint[]) RETURNS void
  LANGUAGE sql
  AS $$
    UPDATE silver.setlists s SET dj_keys = k.keys
    FROM (
      SELECT ids.id,
             coalesce((SELECT array_agg(DISTINCT key ORDER BY key)
                       FROM silver.setlist_djs d
                       JOIN silver.artists a ON a.id = d.artist_id
                       CROSS JOIN LATERAL unnest(silver.dj_keys_of(a.name)) AS key
                       WHERE d.setlist_id = ids.id), '{}') AS keys
      FROM (SELECT DISTINCT unnest(setlist_ids) AS id) ids
    ) k
    WHERE s.id = k.id AND s.dj_keys IS DISTINCT FROM k.keys
  $$;

-- Regroups the setlists whose performance may have changed: every setlist on the date of a given setlist or on one
-- of `dates` (the old date of a moved or deleted setlist), given setlists without a date (each its own
-- performance), and any setlist still sharing a performance with those. Returns the setlists whose performance_id
-- changed. A group keeps the smallest performance id among its setlists unless another group keeps it.
CREATE FUNCTION silver.recompute_performances(setlist_ids bigint[], dates date[]) RETURNS bigint[]
  LANGUAGE plpgsql
  AS $$
  DECLARE
    changed integer;
    moved bigint[];
  BEGIN
    IF to_regclass('pg_temp.regroup_setlists') IS NULL THEN
      CREATE TEMP TABLE regroup_setlists (id bigint PRIMARY KEY, date date, performance_id bigint, dj_keys text[],
                                          seq bigint[], label bigint, target bigint) ON COMMIT DROP;
      CREATE TEMP TABLE regroup_edges (a bigint, b bigint) ON COMMIT DROP;
    ELSE
      TRUNCATE regroup_setlists, regroup_edges;
    END IF;

    -- (joins, not "= ANY (array)": a bulk load passes thousands of ids, and ANY compares each row with all of them)
    WITH given AS (SELECT DISTINCT unnest(setlist_ids) AS id),
    days AS (
      SELECT unnest(coalesce(dates, '{}')) AS date
      UNION
      SELECT s.date FROM silver.setlists s JOIN given g ON g.id = s.id WHERE s.date IS NOT NULL
    )
    INSERT INTO regroup_setlists (id, date, performance_id, dj_keys, label)
    SELECT s.id, s.date, s.performance_id, s.dj_keys, s.id
    FROM silver.setlists s JOIN days d ON d.date = s.date
    UNION ALL
    SELECT s.id, s.date, s.performance_id, s.dj_keys, s.id
    FROM silver.setlists s JOIN given g ON g.id = s.id
    WHERE s.date IS NULL;
    INSERT INTO regroup_setlists (id, date, performance_id, dj_keys, label)
    SELECT s.id, s.date, s.performance_id, s.dj_keys, s.id
    FROM silver.setlists s
    WHERE s.performance_id IN (SELECT performance_id FROM regroup_setlists)
    ON CONFLICT (id) DO NOTHING;
    IF NOT EXISTS (SELECT 1 FROM regroup_setlists) THEN RETURN '{}'; END IF;

    -- The identified rows of each dated setlist in order, as artists|title (a version spelled differently, or
    -- left out, by another source is the same row of the set), hashed: compared only for equality, sorted fast.
    UPDATE regroup_setlists r SET seq = q.seq
    FROM (
      SELECT st.setlist_id,
             array_agg(hashtextextended(split_part(t.track_key, '|', 1) || '|' || split_part(t.track_key, '|', 2), 0)
                       ORDER BY st.part_index, st.position) AS seq
      FROM silver.setlist_tracks st
      JOIN regroup_setlists g ON g.id = st.setlist_id AND g.date IS NOT NULL
      JOIN silver.tracks t ON t.id = st.track_id
      GROUP BY st.setlist_id
    ) q
    WHERE r.id = q.setlist_id;

    -- Candidates share a date and at least 3 rows (counted with repeats, an upper bound of the common
    -- subsequence); only those are compared row by row.
    WITH counts AS (
      SELECT r.id, r.date, k.key, count(*) AS n
      FROM regroup_setlists r CROSS JOIN LATERAL unnest(r.seq) AS k(key)
      GROUP BY r.id, r.date, k.key
    ),
    candidates AS (
      SELECT x.id AS a, y.id AS b, sum(least(x.n, y.n)) AS shared
      FROM counts x JOIN counts y ON y.date = x.date AND y.key = x.key AND y.id > x.id
      GROUP BY x.id, y.id
    )
    INSERT INTO regroup_edges (a, b)
    SELECT c.a, c.b
    FROM candidates c
    JOIN regroup_setlists x ON x.id = c.a
    JOIN regroup_setlists y ON y.id = c.b
    CROSS JOIN LATERAL (SELECT least(cardinality(x.seq), cardinality(y.seq)) AS shorter,
                               x.dj_keys && y.dj_keys AS same_dj) f
    WHERE c.shared >= 3
      AND c.shared >= CASE WHEN f.same_dj THEN 0.5 ELSE 0.75 END * f.shorter
      AND silver.common_subsequence_length(x.seq, y.seq)
          >= greatest(3, CASE WHEN f.same_dj THEN 0.5 ELSE 0.75 END * f.shorter);

    -- Connected groups: every setlist takes the smallest label among its matches until nothing changes.
    LOOP
      WITH pairs AS (SELECT a, b FROM regroup_edges UNION ALL SELECT b, a FROM regroup_edges),
      best AS (
        SELECT p.a AS id, min(r.label) AS label FROM pairs p JOIN regroup_setlists r ON r.id = p.b GROUP BY p.a
      )
      UPDATE regroup_setlists r SET label = best.label FROM best WHERE r.id = best.id AND best.label < r.label;
      GET DIAGNOSTICS changed = ROW_COUNT;
      EXIT WHEN changed = 0;
    END LOOP;

    -- Each group's performance id: the smallest one among its setlists if this group holds that id's first
    -- setlist and no setlist outside the regrouped ones holds it; otherwise a new one (a group split off).
    WITH groups AS (SELECT label, min(performance_id) AS pid FROM regroup_setlists GROUP BY label),
    owners AS (SELECT DISTINCT ON (performance_id) performance_id AS pid, label FROM regroup_setlists ORDER BY performance_id, id),
    chosen AS (
      SELECT g.label,
             CASE WHEN o.label = g.label
                       AND NOT EXISTS (SELECT 1 FROM silver.setlists s
                                       WHERE s.performance_id = g.pid
                                         AND NOT EXISTS (SELECT 1 FROM regroup_setlists r WHERE r.id = s.id))
                  THEN g.pid ELSE nextval('silver.performance_ids') END AS target
      FROM groups g JOIN owners o ON o.pid = g.pid
    )
    UPDATE regroup_setlists r SET target = c.target FROM chosen c WHERE r.label = c.label;

    WITH updated AS (
      UPDATE silver.setlists s SET performance_id = r.target
      FROM regroup_setlists r
      WHERE s.id = r.id AND s.performance_id <> r.target
      RETURNING s.id
    )
    SELECT coalesce(array_agg(id), '{}') INTO moved FROM updated;
    RETURN moved;
  END
  $$;

-- Recounts the pairs in pg_temp.recompute_pairs from their occurrences: weight = distinct performances.
-- (plpgsql: the temp table exists only while a recompute runs, so the body is planned when it runs.)
CREATE FUNCTION silver.recount_transitions() RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    INSERT INTO silver.transitions AS t (from_track_id, to_track_id, weight, setlists, djs, occurrences, first_seen, last_seen)
    SELECT p.from_track_id, p.to_track_id,
           count(DISTINCT s.performance_id),
           count(DISTINCT s.id),
           count(DISTINCT k.dj),
           count(DISTINCT (o.setlist_id, o.part_index, o.position, o.to_position)) FILTER (WHERE s.id IS NOT NULL),
           min(s.date), max(s.date)
    FROM (SELECT DISTINCT from_track_id, to_track_id FROM recompute_pairs) p
    LEFT JOIN silver.transition_occurrences o
           ON o.from_track_id = p.from_track_id AND o.to_track_id = p.to_track_id
    LEFT JOIN silver.setlists s ON s.id = o.setlist_id
    LEFT JOIN LATERAL unnest(s.dj_keys) AS k(dj) ON true
    GROUP BY p.from_track_id, p.to_track_id
    ON CONFLICT (from_track_id, to_track_id) DO UPDATE
      SET weight = excluded.weight, setlists = excluded.setlists, djs = excluded.djs, occurrences = excluded.occurrences,
          first_seen = excluded.first_seen, last_seen = excluded.last_seen
      WHERE (t.weight, t.setlists, t.djs, t.occurrences, t.first_seen, t.last_seen)
            IS DISTINCT FROM (excluded.weight, excluded.setlists, excluded.djs, excluded.occurrences,
                              excluded.first_seen, excluded.last_seen);
  END
  $$;

-- Recounts tracks.plays (distinct performances) of the given tracks.
CREATE FUNCTION silver.recount_plays(track_ids bigint[]) RETURNS void
  LANGUAGE sql
  AS $$
    UPDATE silver.tracks t
    SET plays = counted.plays
    FROM (
      SELECT a.id, count(DISTINCT s.performance_id)::integer AS plays
      FROM (SELECT DISTINCT unnest(track_ids) AS id) a
      LEFT JOIN silver.setlist_tracks st ON st.track_id = a.id
      LEFT JOIN silver.setlists s ON s.id = st.setlist_id
      WHERE a.id IS NOT NULL
      GROUP BY a.id
    ) counted
    WHERE t.id = counted.id AND t.plays IS DISTINCT FROM counted.plays
  $$;

-- After setlists changed (their rows, DJs or date; `dates` = dates they left): regroup performances, then recount
-- the pairs and tracks of the changed setlists and of every setlist that changed performance, with any pairs the
-- caller already put in pg_temp.recompute_pairs (the occurrences it rewrote).
CREATE FUNCTION silver.settle_setlists(setlist_ids bigint[], track_ids bigint[], dates date[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
  DECLARE
    moved bigint[];
    touched bigint[];
  BEGIN
    moved := silver.recompute_performances(setlist_ids, dates);
    touched := ARRAY(SELECT DISTINCT unnest(coalesce(setlist_ids, '{}') || moved));
    INSERT INTO recompute_pairs
    SELECT o.from_track_id, o.to_track_id
    FROM silver.transition_occurrences o JOIN unnest(touched) AS t(id) ON o.setlist_id = t.id;
    PERFORM silver.recount_transitions();
    PERFORM silver.recount_plays(coalesce(track_ids, '{}')
                                 || ARRAY(SELECT st.track_id FROM silver.setlist_tracks st JOIN unnest(moved) AS m(id)
                                          ON st.setlist_id = m.id WHERE st.track_id IS NOT NULL));
  END
  $$;

CREATE FUNCTION silver.begin_recompute() RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    -- One recompute at a time: each counts occurrences that other writers may be changing. Under READ COMMITTED
    -- the statements that follow take their snapshot after the lock, so they see every earlier writer's commit.
    PERFORM pg_advisory_xact_lock(hashtext('silver.recompute_setlists'));
    IF to_regclass('pg_temp.recompute_pairs') IS NULL THEN
      CREATE TEMP TABLE recompute_pairs (from_track_id bigint, to_track_id bigint) ON COMMIT DROP;
    ELSE
      TRUNCATE recompute_pairs;
    END IF;
  END
  $$;

-- Rows of setlists written or deleted (the triggers of 0004 call this): occurrences by the slot rule (0008), then
-- performances and counts.
CREATE OR REPLACE FUNCTION silver.recompute_setlists(setlist_ids bigint[], track_ids bigint[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM silver.begin_recompute();
    PERFORM silver.derive_occurrences(setlist_ids);
    PERFORM silver.settle_setlists(setlist_ids, track_ids, '{}');
  END
  $$;

-- A setlist's date or DJs changed: its performance may have, and its pairs' djs / first and last seen.
CREATE FUNCTION silver.setlists_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
  old_dates date[];
BEGIN
  SELECT array_agg(n.id), array_agg(o.date) FILTER (WHERE o.date IS NOT NULL)
  INTO ids, old_dates
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE (n.date, n.dj_keys) IS DISTINCT FROM (o.date, o.dj_keys);
  IF ids IS NOT NULL THEN
    PERFORM silver.begin_recompute();
    PERFORM silver.settle_setlists(ids, '{}', old_dates);
  END IF;
  RETURN NULL;
END $$;

-- A deleted setlist may have been what joined two others (the full set next to its two halves). Its rows' own
-- triggers already removed its occurrences; here the rest of its performance is regrouped.
CREATE FUNCTION silver.setlists_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_dates date[];
BEGIN
  SELECT array_agg(DISTINCT date) FILTER (WHERE date IS NOT NULL) INTO old_dates FROM old_rows;
  IF old_dates IS NOT NULL THEN
    PERFORM silver.begin_recompute();
    PERFORM silver.settle_setlists('{}', '{}', old_dates);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION silver.setlist_djs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM silver.refresh_dj_keys((SELECT array_agg(DISTINCT setlist_id) FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM silver.refresh_dj_keys((SELECT array_agg(DISTINCT setlist_id) FROM old_rows));
  ELSE
    PERFORM silver.refresh_dj_keys(
      (SELECT array_agg(DISTINCT setlist_id) FROM (SELECT setlist_id FROM old_rows UNION SELECT setlist_id FROM new_rows) s));
  END IF;
  RETURN NULL;
END $$;

-- Silver as it stands: DJ keys, performances over every dated setlist, then every count, before the triggers.
DO $$
BEGIN
  PERFORM silver.refresh_dj_keys(ARRAY(SELECT id FROM silver.setlists));
  PERFORM silver.begin_recompute();
  PERFORM silver.recompute_performances('{}', ARRAY(SELECT DISTINCT date FROM silver.setlists WHERE date IS NOT NULL));
  INSERT INTO recompute_pairs SELECT from_track_id, to_track_id FROM silver.transitions;
  PERFORM silver.recount_transitions();
  PERFORM silver.recount_plays(ARRAY(SELECT id FROM silver.tracks));
END
$$;

CREATE TRIGGER setlists_after_update AFTER UPDATE ON silver.setlists
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.setlists_updated();
CREATE TRIGGER setlists_after_delete AFTER DELETE ON silver.setlists
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.setlists_deleted();
CREATE TRIGGER setlist_djs_after_insert AFTER INSERT ON silver.setlist_djs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.setlist_djs_changed();
CREATE TRIGGER setlist_djs_after_delete AFTER DELETE ON silver.setlist_djs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.setlist_djs_changed();
CREATE TRIGGER setlist_djs_after_update AFTER UPDATE ON silver.setlist_djs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.setlist_djs_changed();
