-- What every written silver row paid for, made cheaper; no rule changes (README "bench/import" has what it saved,
-- measured on `crawl import` of the 878 Essential Mix pages).
--
-- 1. The artist-validity rule (0003) in plpgsql. The same rule, word for word; as a SQL function with a FROM
--    clause it could not be inlined, so every call ran through the SQL-function executor (about 15 µs), and it runs
--    for every track written (artist_valid is a stored generated column, computed again on every UPDATE of the
--    track, such as the plays recount right after the insert) and for every DJ credit piece. In plpgsql the same
--    expressions take the simple-expression path (about 3 µs). contracts' artist-validity cases still assert it.
CREATE OR REPLACE FUNCTION silver.is_valid_artist_credit(credit text) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
  DECLARE
    c text;
  BEGIN
    IF credit IS NULL THEN
      RETURN false;
    END IF;
    c := lower(btrim(regexp_replace(normalize(credit, NFKC), '\s+', ' ', 'g')));
    RETURN NOT (
         c = ''
      OR c ~ '^[?\-‐-―._*…\s]*$'
      OR c = ANY (ARRAY['unknown', 'unknown artist', 'unknown artists', 'various', 'various artists',
                        'va', 'v/a', 'v.a.', 'id', 'n/a', '?'])
      OR c ~ ('^(unknown|unknown artist|unknown artists|various|various artists|va|v/a|v\.a\.|id|n/a|\?)\s*'
              '([-@‐-―:/,(\[|&+~.]|(feat\.?|ft\.?|featuring|vs\.?|versus|x|b2b|and)(\s|$))'));
  END
  $$;

-- 2. The derived tables carry no foreign keys. silver.transition_occurrences and silver.transitions are written
--    only by the derivation (0004, 0008, 0009), from silver.setlist_tracks rows whose setlist and track are
--    already checked by that table's own foreign keys; checking them again cost five index lookups and row locks
--    per occurrence (three on the occurrence, one of them deferred to COMMIT, two on a new transition). What the
--    deferred check on occurrences.setlist_id used to confirm (a deleted setlist leaves no occurrence behind) is
--    asserted by server/test/integration/silver-transitions.test.ts. A track can be deleted only when no setlist
--    row plays it (setlist_tracks.track_id still references it), so only a weight-0 transition can outlive its
--    tracks; silver.graph_transitions joins both tracks, and the sync's prune removes weight-0 rows.
ALTER TABLE silver.transition_occurrences
  DROP CONSTRAINT transition_occurrences_setlist_id_fkey,
  DROP CONSTRAINT transition_occurrences_from_track_id_fkey,
  DROP CONSTRAINT transition_occurrences_to_track_id_fkey;
ALTER TABLE silver.transitions
  DROP CONSTRAINT transitions_from_track_id_fkey,
  DROP CONSTRAINT transitions_to_track_id_fkey;

-- 3. A new setlist is written with its DJ keys. silver.refresh_dj_keys (0009), fired by the insert of its DJs,
--    then finds them already right and updates nothing, so the insert no longer regroups performances and recounts
--    (silver.setlists_updated) for setlists that have no rows yet. Both compute the keys with one function.
--    An existing setlist's keys are still set by that refresh alone, as its DJs are replaced.
--    silver.dj_keys_of (0009) moves to plpgsql, unchanged: called once per setlist from another function, a SQL
--    function with a FROM clause was planned again on every call (about 100 µs); plpgsql keeps its plan.
CREATE OR REPLACE FUNCTION silver.dj_keys_of(credit text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
  BEGIN
    RETURN (
      SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}')
      FROM regexp_split_to_table(credit, '\s*,\s*|\s+(?:b2b|b3b|&|and|vs\.?|x|\+)\s+', 'i') AS piece,
           LATERAL (SELECT silver.dj_key(piece) AS k) key
      WHERE k <> '' AND silver.is_valid_artist_credit(piece));
  END
  $$;

CREATE FUNCTION silver.dj_keys_of_artists(artist_ids bigint[]) RETURNS text[]
  LANGUAGE plpgsql STABLE
  AS $$
  BEGIN
    RETURN (
      SELECT coalesce(array_agg(DISTINCT key ORDER BY key), '{}')
      FROM silver.artists a
      CROSS JOIN LATERAL unnest(silver.dj_keys_of(a.name)) AS key
      WHERE a.id = ANY (artist_ids));
  END
  $$;

CREATE OR REPLACE FUNCTION silver.refresh_dj_keys(setlist_ids bigint[]) RETURNS void
  LANGUAGE sql
  AS $$
    UPDATE silver.setlists s SET dj_keys = k.keys
    FROM (
      SELECT ids.id,
             silver.dj_keys_of_artists(ARRAY(SELECT d.artist_id FROM silver.setlist_djs d WHERE d.setlist_id = ids.id)) AS keys
      FROM (SELECT DISTINCT unnest(setlist_ids) AS id) ids
    ) k
    WHERE s.id = k.id AND s.dj_keys IS DISTINCT FROM k.keys
  $$;
