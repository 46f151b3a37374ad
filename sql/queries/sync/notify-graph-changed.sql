-- $1: payloads, each {"trackIds":[...]} under PostgreSQL's 8000-byte limit. Sent in one transaction, in order.
SELECT pg_notify('graph_changed', payload) FROM unnest($1::text[]) AS payload
