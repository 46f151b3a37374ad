-- Entries of import $1 a previous run already stored or refused.
SELECT entry_key FROM ops.import_items WHERE import_id = $1
