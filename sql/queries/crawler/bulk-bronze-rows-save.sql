-- bronze-rows-save for a batch: the rows of every parse the batch stored, each with its setlist id.
INSERT INTO bronze.setlist_rows (setlist_id, part_index, part_name, position, cue, cue_seconds, raw, artist, title,
                                 version, remixers, featured, label, catalog, unidentified, artist_valid, layered,
                                 warnings)
SELECT r.setlist_id, r.part_index, r.part_name, r.position, r.cue, r.cue_seconds, r.raw, r.artist, r.title, r.version,
       r.remixers, r.featured, r.label, r.catalog, r.unidentified, r.artist_valid, coalesce(r.layered, false), r.warnings
FROM jsonb_to_recordset($1::jsonb) AS r(setlist_id bigint, part_index int, part_name text, position int, cue text,
     cue_seconds int, raw text, artist text, title text, version text, remixers text[], featured text[], label text,
     catalog text, unidentified boolean, artist_valid boolean, layered boolean, warnings text[])
