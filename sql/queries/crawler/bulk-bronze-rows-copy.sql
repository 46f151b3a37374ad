-- bronze-rows-save for a batch: the rows of every parse the batch stored, each with its setlist id, by COPY
-- (crawler/src/db/copy.ts writes the fields in this column order).
COPY bronze.setlist_rows (setlist_id, part_index, part_name, position, cue, cue_seconds, raw, artist, title, version,
                          remixers, featured, label, catalog, unidentified, artist_valid, layered, warnings) FROM STDIN
