SELECT id FROM bronze.setlists WHERE page_id = $1 AND source_url = $2 AND parser_version = $3
