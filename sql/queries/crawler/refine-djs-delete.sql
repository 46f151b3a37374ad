DELETE FROM silver.setlist_djs WHERE setlist_id = $1
