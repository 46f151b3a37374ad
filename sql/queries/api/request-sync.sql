-- requestSync: wakes every `npm run sync -- --watch` worker.
SELECT pg_notify('silver_changed', 'requested')
