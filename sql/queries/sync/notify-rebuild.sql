-- A --full run of instance $2 starts: wakes that instance's --watch daemon, which then waits for the sync lock and
-- takes over at once if this run dies half-way (watermark NULL -> it rebuilds), instead of at its next tick.
-- $1: the channel (contracts: NOTIFY_CHANNELS.silverChanged).
SELECT pg_notify($1, 'full-rebuild:' || $2)
