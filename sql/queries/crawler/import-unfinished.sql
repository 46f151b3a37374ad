-- For `import --if-empty`: how many setlists silver holds, and whether an import was left unfinished (killed).
SELECT (SELECT count(*)::int FROM silver.setlists) AS setlists,
       (SELECT count(*)::int FROM ops.imports WHERE status = 'running') AS unfinished
