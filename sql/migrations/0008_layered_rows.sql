-- Layered rows (README "Data rules"): a row played over the previous one — a "w/" row, a 1001tracklists mashup
-- part, the second track of "A - X vs. B - Y", MixesDB's '''+''' — is a row of its own, in order, flagged layered
-- (ParsedTrackLine.layered). It shares the *slot* of the row it is layered over. Transitions go from every
-- identified track of slot i to every identified track of slot i+1 of the same part, never within a slot; a slot
-- with no identified track breaks the chain; a track followed by itself is not a transition.
--
--   A, B layered over A, C  ->  A->C and B->C (no A->B)
--   ID, B layered over ID, C -> B->C (the slot is identified through its layered row)
--   B layered as the first row of a part -> it starts the part's first slot, like any row
--
-- The slot of a row is its position less the layered rows up to it, so an unlayered setlist keeps slot = position
-- and a gap in positions still breaks the chain, as before. An occurrence is now keyed by its from-row AND its
-- to-row: slot i may lead into several rows of slot i+1.

ALTER TABLE bronze.setlist_rows ADD COLUMN layered boolean NOT NULL DEFAULT false;
ALTER TABLE silver.setlist_tracks ADD COLUMN layered boolean NOT NULL DEFAULT false;

ALTER TABLE silver.transition_occurrences ADD COLUMN to_position integer;
UPDATE silver.transition_occurrences SET to_position = position + 1;
ALTER TABLE silver.transition_occurrences ALTER COLUMN to_position SET NOT NULL;
ALTER TABLE silver.transition_occurrences DROP CONSTRAINT transition_occurrences_pkey;
ALTER TABLE silver.transition_occurrences ADD PRIMARY KEY (setlist_id, part_index, position, to_position);

-- The occurrences of the given setlists, derived again from their rows by the slot rule. Adds the pairs it removed
-- and added to pg_temp.recompute_pairs (which the caller creates).
CREATE FUNCTION silver.derive_occurrences(setlist_ids bigint[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    WITH removed AS (
      DELETE FROM silver.transition_occurrences o
      USING (SELECT DISTINCT unnest(setlist_ids) AS id) s
      WHERE o.setlist_id = s.id
      RETURNING o.from_track_id, o.to_track_id
    )
    INSERT INTO recompute_pairs SELECT from_track_id, to_track_id FROM removed;

    WITH slotted AS (
      SELECT st.setlist_id, st.part_index, st.position, st.track_id,
             st.position - count(*) FILTER (WHERE st.layered) OVER w AS slot
      FROM silver.setlist_tracks st
      JOIN (SELECT DISTINCT unnest(setlist_ids) AS id) s ON st.setlist_id = s.id
      WINDOW w AS (PARTITION BY st.setlist_id, st.part_index ORDER BY st.position)
    ),
    added AS (
      INSERT INTO silver.transition_occurrences (setlist_id, part_index, position, to_position, from_track_id, to_track_id)
      SELECT a.setlist_id, a.part_index, a.position, b.position, a.track_id, b.track_id
      FROM slotted a
      JOIN slotted b ON b.setlist_id = a.setlist_id AND b.part_index = a.part_index AND b.slot = a.slot + 1
      WHERE a.track_id IS NOT NULL AND b.track_id IS NOT NULL AND a.track_id <> b.track_id
      RETURNING from_track_id, to_track_id
    )
    INSERT INTO recompute_pairs SELECT from_track_id, to_track_id FROM added;
  END
  $$;

-- 0004's recompute with the slot rule; the counting is unchanged (0009 changes it to performances).
CREATE OR REPLACE FUNCTION silver.recompute_setlists(setlist_ids bigint[], track_ids bigint[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('silver.recompute_setlists'));

    IF to_regclass('pg_temp.recompute_pairs') IS NULL THEN
      CREATE TEMP TABLE recompute_pairs (from_track_id bigint, to_track_id bigint) ON COMMIT DROP;
    ELSE
      TRUNCATE recompute_pairs;
    END IF;

    PERFORM silver.derive_occurrences(setlist_ids);

    INSERT INTO silver.transitions AS t (from_track_id, to_track_id, weight, djs, occurrences, first_seen, last_seen)
    SELECT p.from_track_id, p.to_track_id,
           count(DISTINCT o.setlist_id),
           count(DISTINCT d.artist_id),
           count(DISTINCT (o.setlist_id, o.part_index, o.position, o.to_position)) FILTER (WHERE o.setlist_id IS NOT NULL),
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
