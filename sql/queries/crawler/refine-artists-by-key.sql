SELECT id, name_key FROM silver.artists WHERE name_key = ANY($1::text[])
