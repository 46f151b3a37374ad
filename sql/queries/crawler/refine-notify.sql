-- Wakes `npm run sync -- --watch` once this transaction commits.
SELECT pg_notify('silver_changed', $1::text)
