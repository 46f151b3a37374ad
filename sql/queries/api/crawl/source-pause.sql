-- pauseSource: the crawler skips the source until paused_until (the crawler's own source-state-pause.sql twin).
-- $1 source, $2 minutes, $3 reason.
INSERT INTO ops.source_state (source, paused_until, pause_reason, updated_at)
VALUES ($1, now() + make_interval(mins => $2::integer), $3, now())
ON CONFLICT (source) DO UPDATE SET paused_until = excluded.paused_until, pause_reason = excluded.pause_reason, updated_at = now()
