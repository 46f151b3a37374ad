-- The transition rule (ARCHITECTURE §2), kept true by triggers on silver.setlist_tracks:
-- A -> B exists only where B is the very next row after A in the same setlist part and both rows are
-- identified tracks. An unidentified row (track_id NULL) breaks the chain; a track followed by itself
-- (a doubled row) is not a transition. weight = distinct setlists, djs = distinct DJs of those setlists.
--
-- Whatever writes setlist rows (the crawler's refine step, a COPY, a hand-made test) gets the same derivation.

CREATE FUNCTION silver.recompute_setlists(setlist_ids bigint[], track_ids bigint[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    -- One recompute at a time: each counts occurrences that other writers may be changing. Under READ COMMITTED
    -- the statements below take their snapshot after the lock, so they see every earlier writer's commit.
    PERFORM pg_advisory_xact_lock(hashtext('silver.recompute_setlists'));

    IF to_regclass('pg_temp.recompute_pairs') IS NULL THEN
      CREATE TEMP TABLE recompute_pairs (from_track_id bigint, to_track_id bigint) ON COMMIT DROP;
    ELSE
      TRUNCATE recompute_pairs;
    END IF;

    WITH removed AS (
      DELETE FROM silver.transition_occurrences o
      USING (SELECT DISTINCT unnest(setlist_ids) AS id) s
      WHERE o.setlist_id = s.id
      RETURNING o.from_track_id, o.to_track_id
    )
    INSERT INTO recompute_pairs SELECT from_track_id, to_track_id FROM removed;

    WITH added AS (
      INSERT INTO silver.transition_occurrences (setlist_id, part_index, position, from_track_id, to_track_id)
      SELECT setlist_id, part_index, position, track_id, next_track_id
      FROM (
        SELECT st.setlist_id, st.part_index, st.position, st.track_id,
               lead(st.track_id) OVER w AS next_track_id,
               lead(st.position) OVER w AS next_position
        FROM silver.setlist_tracks st
        JOIN (SELECT DISTINCT unnest(setlist_ids) AS id) s ON st.setlist_id = s.id
        WINDOW w AS (PARTITION BY st.setlist_id, st.part_index ORDER BY st.position)
      ) rows
      WHERE track_id IS NOT NULL
        AND next_track_id IS NOT NULL
        AND next_position = position + 1
        AND track_id <> next_track_id
      RETURNING from_track_id, to_track_id
    )
    INSERT INTO recompute_pairs SELECT from_track_id, to_track_id FROM added;

    INSERT INTO silver.transitions AS t (from_track_id, to_track_id, weight, djs, occurrences, first_seen, last_seen)
    SELECT p.from_track_id, p.to_track_id,
           count(DISTINCT o.setlist_id),
           count(DISTINCT d.artist_id),
           count(DISTINCT (o.setlist_id, o.part_index, o.position)) FILTER (WHERE o.setlist_id IS NOT NULL),
           min(s.date), max(s.date)
    FROM (SELECT DISTINCT from_track_id, to_track_id FROM recompute_pairs) p
    LEFT JOIN silver.transition_occurrences o
           ON o.from_track_id = p.from_track_id AND o.to_track_id = p.to_track_id
    LEFT JOIN silver.setlists s ON s.id = o.setlist_id
    LEFT JOIN silver.setlist_djs d ON d.setlist_id = o.setlist_id
    GROUP BY p.from_track_id, p.to_track_id
    ON CONFLICT (from_track_id, to_track_id) DO UPDATE
      SET weight = excluded.weight, djs = excluded.djs, occurrences = excluded.occurrences,
          first_seen = excluded.first_seen, last_seen = excluded.last_seen
      WHERE (t.weight, t.djs, t.occurrences, t.first_seen, t.last_seen)
            IS DISTINCT FROM (excluded.weight, excluded.djs, excluded.occurrences, excluded.first_seen, excluded.last_seen);

    UPDATE silver.tracks t
    SET plays = counted.plays
    FROM (
      SELECT a.id, count(DISTINCT st.setlist_id)::integer AS plays
      FROM (SELECT DISTINCT unnest(track_ids) AS id) a
      LEFT JOIN silver.setlist_tracks st ON st.track_id = a.id
      WHERE a.id IS NOT NULL
      GROUP BY a.id
    ) counted
    WHERE t.id = counted.id AND t.plays IS DISTINCT FROM counted.plays;
  END
  $$;

-- Statement-level triggers with transition tables: one recompute per statement, however many rows it wrote.
-- (A trigger with transition tables may name only one event, hence three functions.)
CREATE FUNCTION silver.setlist_tracks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM silver.recompute_setlists(
    (SELECT array_agg(DISTINCT setlist_id) FROM new_rows),
    (SELECT array_agg(DISTINCT track_id) FROM new_rows WHERE track_id IS NOT NULL));
  RETURN NULL;
END $$;

CREATE FUNCTION silver.setlist_tracks_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM silver.recompute_setlists(
    (SELECT array_agg(DISTINCT setlist_id) FROM old_rows),
    (SELECT array_agg(DISTINCT track_id) FROM old_rows WHERE track_id IS NOT NULL));
  RETURN NULL;
END $$;

CREATE FUNCTION silver.setlist_tracks_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM silver.recompute_setlists(
    (SELECT array_agg(DISTINCT setlist_id) FROM (SELECT setlist_id FROM old_rows UNION SELECT setlist_id FROM new_rows) s),
    (SELECT array_agg(DISTINCT track_id) FROM (SELECT track_id FROM old_rows UNION SELECT track_id FROM new_rows) t
      WHERE track_id IS NOT NULL));
  RETURN NULL;
END $$;

CREATE TRIGGER setlist_tracks_after_insert AFTER INSERT ON silver.setlist_tracks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.setlist_tracks_inserted();
CREATE TRIGGER setlist_tracks_after_delete AFTER DELETE ON silver.setlist_tracks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.setlist_tracks_deleted();
CREATE TRIGGER setlist_tracks_after_update AFTER UPDATE ON silver.setlist_tracks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION silver.setlist_tracks_updated();

-- What the gold graph may contain (ARCHITECTURE §3-4): artist-valid tracks that some setlist still plays,
-- and edges of positive weight between two of them.
CREATE VIEW silver.graph_tracks AS
  SELECT t.id, t.title, t.version, t.artist_credit, t.plays, t.changed_xid
  FROM silver.tracks t
  WHERE t.artist_valid AND t.plays > 0;

CREATE VIEW silver.graph_transitions AS
  SELECT tr.from_track_id, tr.to_track_id, tr.weight, tr.djs, tr.first_seen, tr.last_seen, tr.changed_xid
  FROM silver.transitions tr
  JOIN silver.tracks f ON f.id = tr.from_track_id
  JOIN silver.tracks t ON t.id = tr.to_track_id
  WHERE tr.weight > 0 AND f.artist_valid AND t.artist_valid;
