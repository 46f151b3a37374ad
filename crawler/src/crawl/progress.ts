import type { Logger } from 'pino';
import type { Pool } from 'pg';

/** One step of a crawl, for logs and for the API's crawlProgress subscription (NOTIFY crawl_progress). */
export interface ProgressEvent {
  runId: number | null;
  source: string;
  event: 'target-started' | 'search-page' | 'setlist' | 'target-finished' | 'source-stopped' | 'source-skipped';
  targetId?: number;
  detail?: Record<string, unknown>;
}

/** Logs each step and publishes it (ids and small facts only: NOTIFY payloads stay far below 8000 bytes). */
export function createProgressReporter(pool: Pool, logger: Logger) {
  return async (event: ProgressEvent): Promise<void> => {
    logger.info(event, event.event);
    const payload = JSON.stringify(event);
    if (payload.length < 7000) await pool.query('SELECT pg_notify($1, $2)', ['crawl_progress', payload]).catch(() => undefined);
  };
}

export type ReportProgress = ReturnType<typeof createProgressReporter>;
