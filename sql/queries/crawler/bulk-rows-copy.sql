-- refine-rows-insert for a batch: every row of every setlist written in one statement (COPY: crawler/src/db/copy.ts
-- writes the fields in this column order), so the statement-level triggers (0004, 0008, 0009) derive the batch's
-- transitions, performances and counts once, set-based. COPY fires them as an INSERT does.
COPY silver.setlist_tracks (setlist_id, part_index, part_name, position, track_id, cue, raw, layered) FROM STDIN
