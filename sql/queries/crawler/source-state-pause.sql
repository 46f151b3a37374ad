INSERT INTO ops.source_state (source, paused_until, pause_reason, updated_at)
VALUES ($1, now() + make_interval(secs => $2), $3, now())
ON CONFLICT (source) DO UPDATE SET paused_until = excluded.paused_until, pause_reason = excluded.pause_reason,
                                   updated_at = now()
