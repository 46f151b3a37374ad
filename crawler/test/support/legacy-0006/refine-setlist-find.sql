SELECT id, content_sha256 FROM silver.setlists WHERE source = $1 AND source_url = $2 FOR UPDATE
