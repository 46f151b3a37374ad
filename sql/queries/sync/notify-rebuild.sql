-- A --full run of instance $1 starts: wakes that instance's --watch daemon, which then waits for the sync lock and
-- takes over at once if this run dies half-way (watermark NULL -> it rebuilds), instead of at its next tick.
SELECT pg_notify('silver_changed', 'full-rebuild:' || $1)
