-- $1: the channel (contracts: NOTIFY_CHANNELS.graphChanged); $2: payloads, each {"trackIds":[...]} under
-- PostgreSQL's 8000-byte limit. Sent in one transaction, in order.
SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload
