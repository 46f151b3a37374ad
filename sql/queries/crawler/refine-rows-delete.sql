DELETE FROM silver.setlist_tracks WHERE setlist_id = $1
