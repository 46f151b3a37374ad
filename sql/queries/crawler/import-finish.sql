-- Every entry of import $1 is stored or refused: a later run of the same content skips the whole file.
UPDATE ops.imports SET status = 'done', finished_at = now(), entries = $2, summary = $3::jsonb WHERE id = $1
