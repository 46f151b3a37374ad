-- Change tracking the silver -> gold sync needs beyond the changed_xid columns of 0003 (see ops.sync_state).
-- The sync reads every silver row whose changed_xid is at or above its watermark. Three kinds of change leave no
-- such row behind on their own; for each, a trigger appends an event the sync reads by the same watermark:
--
-- 1. A track's artist credit flips validity (a correction from "Unknown Artist" to a real name, or back): whether
--    its transitions belong in gold changes, but the transition rows do not.    -> track_validity_changed
-- 2. A track's credits change (silver.track_artists has no changed_xid), in a transaction that did not write the
--    track itself (the refine step writes a track and its credits together).   -> track_credits_changed
-- 3. A track, artist or transition row is deleted: nothing is left to read.     -> *_deleted
--
-- Events are appended, never updated: the triggers take no row locks on tracks or transitions, so they cannot
-- deadlock with silver.recompute_setlists, which updates those rows under its advisory lock. The sync prunes the
-- events below its watermark.

CREATE TABLE silver.sync_events (
  kind        text   NOT NULL CHECK (kind IN ('track_deleted', 'artist_deleted', 'transition_deleted',
                                              'track_validity_changed', 'track_credits_changed')),
  -- the track or artist id; for a transition, its from_track_id
  id          bigint NOT NULL,
  -- for a transition, its to_track_id
  to_id       bigint,
  changed_xid xid8   NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX sync_events_changed ON silver.sync_events (changed_xid);

CREATE FUNCTION silver.record_track_deletions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO silver.sync_events (kind, id) SELECT 'track_deleted', id FROM old_rows;
  RETURN NULL;
END $$;

CREATE FUNCTION silver.record_artist_deletions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO silver.sync_events (kind, id) SELECT 'artist_deleted', id FROM old_rows;
  RETURN NULL;
END $$;

CREATE FUNCTION silver.record_transition_deletions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO silver.sync_events (kind, id, to_id) SELECT 'transition_deleted', from_track_id, to_track_id FROM old_rows;
  RETURN NULL;
END $$;

CREATE TRIGGER tracks_record_deletions AFTER DELETE ON silver.tracks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.record_track_deletions();
CREATE TRIGGER artists_record_deletions AFTER DELETE ON silver.artists
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.record_artist_deletions();
CREATE TRIGGER transitions_record_deletions AFTER DELETE ON silver.transitions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.record_transition_deletions();

-- 1. Row-level with a WHEN clause: the recompute's bulk `plays` updates pay one boolean comparison per row.
CREATE FUNCTION silver.record_track_validity_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO silver.sync_events (kind, id) VALUES ('track_validity_changed', NEW.id);
  RETURN NULL;
END $$;

CREATE TRIGGER tracks_validity_changed AFTER UPDATE ON silver.tracks
  FOR EACH ROW WHEN (OLD.artist_valid IS DISTINCT FROM NEW.artist_valid)
  EXECUTE FUNCTION silver.record_track_validity_change();

-- 2. Statement-level: a bulk credit load records each track once, and none written by the same transaction.
CREATE FUNCTION silver.record_credit_changes(track_ids bigint[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO silver.sync_events (kind, id)
  SELECT 'track_credits_changed', t.id FROM silver.tracks t
  WHERE t.id = ANY (track_ids) AND t.changed_xid <> pg_current_xact_id();
$$;

CREATE FUNCTION silver.track_artists_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM silver.record_credit_changes((SELECT array_agg(DISTINCT track_id) FROM new_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION silver.track_artists_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM silver.record_credit_changes((SELECT array_agg(DISTINCT track_id) FROM old_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION silver.track_artists_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM silver.record_credit_changes(
    (SELECT array_agg(DISTINCT track_id) FROM (SELECT track_id FROM old_rows UNION SELECT track_id FROM new_rows) t));
  RETURN NULL;
END $$;

CREATE TRIGGER track_artists_after_insert AFTER INSERT ON silver.track_artists
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.track_artists_inserted();
CREATE TRIGGER track_artists_after_delete AFTER DELETE ON silver.track_artists
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION silver.track_artists_deleted();
CREATE TRIGGER track_artists_after_update AFTER UPDATE ON silver.track_artists
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION silver.track_artists_updated();
