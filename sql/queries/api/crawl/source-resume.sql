-- resumeSource: lifts the source's pause. $1 source.
UPDATE ops.source_state SET paused_until = NULL, pause_reason = NULL, updated_at = now() WHERE source = $1
