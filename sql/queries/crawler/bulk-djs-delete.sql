DELETE FROM silver.setlist_djs d USING unnest($1::bigint[]) AS s(id) WHERE d.setlist_id = s.id
