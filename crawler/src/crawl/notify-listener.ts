import { listenStatement, type NotifyChannel } from '@songnodes/contracts';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { describeError } from '../errors';

/** Delay before reconnecting a lost LISTEN connection (and between tries while PostgreSQL stays away). */
const RECONNECT_MS = 5_000;

/**
 * A LISTEN connection that survives PostgreSQL going away: the 'error' is logged (unhandled it would end the
 * process) and the connection is opened again every few seconds until it works. A notification sent while it was
 * down is missed; the worker's interval timer still runs, so nothing waits longer than one interval.
 */
export class NotifyListener {
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: { connectionString: string; channel: NotifyChannel; logger: Logger; onNotify: () => void }) {}

  /** Connects now; a failure is logged and retried in the background (the worker starts anyway). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** true while the LISTEN connection is up */
  get connected(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { connectionString, channel, onNotify } = this.options;
    const client = new Client({ connectionString, application_name: 'songnodes-crawler-worker', connectionTimeoutMillis: 5_000 });
    client.on('notification', () => onNotify());
    client.on('error', (error) => this.lost(client, error));
    try {
      await client.connect();
      await client.query(listenStatement(channel));
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.closed) await client.end().catch(() => undefined);
    else this.client = client;
  }

  private lost(client: Client, error: unknown): void {
    if (this.client === client) this.client = null;
    void client.end().catch(() => undefined);
    if (this.closed || this.timer) return;
    this.options.logger.warn({ channel: this.options.channel, err: describeError(error) }, 'LISTEN connection lost; reconnecting');
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.closed) void this.connect();
    }, RECONNECT_MS);
    this.timer.unref();
  }
}
