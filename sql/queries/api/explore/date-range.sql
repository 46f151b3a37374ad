-- dateRange: the first and last date of the graph's dated setlists (the era slider's ends).
SELECT min(date)::text AS "from", max(date)::text AS "to" FROM silver.setlists WHERE date IS NOT NULL
