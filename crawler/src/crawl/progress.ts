import { encodeNotifyPayload, NOTIFY_CHANNELS, type CrawlProgressEvent } from '@songnodes/contracts';
import type { Logger } from 'pino';
import type { Pool } from 'pg';

/**
 * One step of a crawl, for logs and for the API's crawlProgress subscription (NOTIFY crawl_progress); the shape is
 * the contract's (`@songnodes/contracts`, notify.ts).
 */
export type ProgressEvent = CrawlProgressEvent;

/**
 * Logs each step and publishes it. A step the contract refuses (too big, wrong shape) is logged, not published:
 * progress is a courtesy to watchers and must never stop a crawl.
 */
export function createProgressReporter(pool: Pool, logger: Logger) {
  return async (event: ProgressEvent): Promise<void> => {
    logger.info(event, event.event);
    let payload: string;
    try {
      payload = encodeNotifyPayload(NOTIFY_CHANNELS.crawlProgress, event);
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : String(error), event: event.event }, 'progress not published');
      return;
    }
    await pool.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNELS.crawlProgress, payload]).catch(() => undefined);
  };
}

export type ReportProgress = ReturnType<typeof createProgressReporter>;
