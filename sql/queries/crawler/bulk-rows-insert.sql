-- refine-rows-insert for a batch: every row of every setlist written in one statement, so the statement-level
-- triggers (0004, 0008, 0009) derive the batch's transitions, performances and counts once, set-based.
INSERT INTO silver.setlist_tracks (setlist_id, part_index, part_name, position, track_id, cue, raw, layered)
SELECT r.setlist_id, r.part_index, r.part_name, r.position, r.track_id, r.cue, r.raw, coalesce(r.layered, false)
FROM jsonb_to_recordset($1::jsonb) AS r(setlist_id bigint, part_index int, part_name text, position int,
                                        track_id bigint, cue text, raw text, layered boolean)
