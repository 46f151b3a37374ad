-- Wakes `npm run sync -- --watch` once this transaction commits. $1: the channel (contracts:
-- NOTIFY_CHANNELS.silverChanged), $2: the setlist id.
SELECT pg_notify($1, $2::text)
