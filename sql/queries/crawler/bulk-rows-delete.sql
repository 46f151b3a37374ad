DELETE FROM silver.setlist_tracks st USING unnest($1::bigint[]) AS s(id) WHERE st.setlist_id = s.id
