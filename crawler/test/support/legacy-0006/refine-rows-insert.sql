-- One statement for the whole setlist: the statement-level trigger rederives its transitions once.
INSERT INTO silver.setlist_tracks (setlist_id, part_index, part_name, position, track_id, cue, raw)
SELECT $1, r.part_index, r.part_name, r.position, r.track_id, r.cue, r.raw
FROM jsonb_to_recordset($2::jsonb) AS r(part_index int, part_name text, position int, track_id bigint, cue text, raw text)
