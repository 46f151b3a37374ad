-- requestSync: wakes every `npm run sync -- --watch` worker. $1: the channel (contracts: NOTIFY_CHANNELS.silverChanged).
SELECT pg_notify($1, 'requested')
