// A LISTEN connection that survives PostgreSQL restarts: on error it reconnects with backoff and reports the
// reconnect, since notifications sent while it was away are lost and a run should make up for them.
import { listenStatement, NOTIFY_CHANNELS } from '@songnodes/contracts';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../logger';

export interface Listener {
  close(): Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * LISTENs on silver_changed; `onWake` runs on each notification ('notify', or 'requested' for the requestSync
 * mutation's) and after each reconnect ('reconnect').
 */
export async function listenForSilverChanges(pg: Pool, logger: Logger, onWake: (reason: string) => void): Promise<Listener> {
  let client: PoolClient | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let backoffMs = 500;

  const connect = async (): Promise<void> => {
    const next = await pg.connect();
    next.on('notification', (message) => {
      if (message.channel === NOTIFY_CHANNELS.silverChanged) onWake(message.payload === 'requested' ? 'requested' : 'notify');
    });
    next.on('error', (error) => {
      logger.warn({ err: error }, 'LISTEN connection lost; reconnecting');
      next.release(true);
      if (client === next) client = null;
      scheduleReconnect();
    });
    await next.query(listenStatement(NOTIFY_CHANNELS.silverChanged));
    client = next;
    backoffMs = 500;
  };

  const scheduleReconnect = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().then(
        () => onWake('reconnect'),
        (error: unknown) => {
          logger.warn({ err: error, retryInMs: backoffMs }, 'could not LISTEN on silver_changed; retrying');
          backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
          scheduleReconnect();
        },
      );
    }, backoffMs);
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      // Releasing with `true` ends the session, which ends its LISTEN too.
      client?.release(true);
      client = null;
    },
  };
}
