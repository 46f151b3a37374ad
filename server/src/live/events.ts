import { Client } from 'pg';
import type { Logger } from 'pino';

/** The NOTIFY channels the API relays to subscriptions. */
export type LiveChannel = 'graph_changed' | 'crawl_progress';

type Listener = (payload: unknown) => void;

/**
 * One LISTEN connection per server replica, fanned out to every subscription of that replica. Because the sync
 * and the crawler NOTIFY through PostgreSQL, every replica hears every change: nothing is in-process only.
 * The connection is re-opened after a failure (events sent while it was down are lost; clients refetch on
 * reconnect anyway).
 */
export class LiveEvents {
  private client: Client | null = null;
  private readonly listeners = new Map<LiveChannel, Set<Listener>>([
    ['graph_changed', new Set()],
    ['crawl_progress', new Set()],
  ]);
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'songnodes-server-listen' });
    client.on('notification', (message) => this.dispatch(message.channel as LiveChannel, message.payload));
    client.on('error', (error) => this.reconnect(error));
    await client.connect();
    await client.query('LISTEN graph_changed');
    await client.query('LISTEN crawl_progress');
    this.client = client;
  }

  /** Registers a listener; returns the function that removes it. */
  on(channel: LiveChannel, listener: Listener): () => void {
    this.listeners.get(channel)?.add(listener);
    return () => this.listeners.get(channel)?.delete(listener);
  }

  /** Open subscriptions per channel, for /metrics. */
  counts(): Record<LiveChannel, number> {
    return { graph_changed: this.listeners.get('graph_changed')?.size ?? 0, crawl_progress: this.listeners.get('crawl_progress')?.size ?? 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private dispatch(channel: LiveChannel, payload: string | undefined): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload ?? 'null');
    } catch {
      this.logger.warn({ channel, payload: payload?.slice(0, 200) }, 'ignored a NOTIFY payload that is not JSON');
      return;
    }
    for (const listener of this.listeners.get(channel) ?? []) listener(parsed);
  }

  private reconnect(error: Error): void {
    this.logger.warn({ err: error.message }, 'LISTEN connection lost; reconnecting');
    this.client?.end().catch(() => undefined);
    this.client = null;
    if (this.closed) return;
    this.retry = setTimeout(() => {
      this.start().catch((e: Error) => this.reconnect(e));
    }, 1000);
  }
}

/**
 * An async iterator over one channel's events that pass `accept`, for graphql-ws subscription resolvers;
 * returning (the client unsubscribed or disconnected) removes the listener.
 */
export function subscribeTo<T>(events: LiveEvents, channel: LiveChannel, map: (payload: unknown) => T | null): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let wake: ((result: IteratorResult<T>) => void) | null = null;
  let done = false;
  const off = events.on(channel, (payload) => {
    const value = map(payload);
    if (value === null || done) return;
    if (wake) {
      wake({ value, done: false });
      wake = null;
    } else if (queue.length < 1000) queue.push(value);
  });
  const finish = async (): Promise<IteratorResult<T>> => {
    done = true;
    off();
    wake?.({ value: undefined, done: true });
    return { value: undefined, done: true };
  };
  return {
    next: () => {
      const value = queue.shift();
      if (value !== undefined) return Promise.resolve({ value, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (wake = resolve));
    },
    return: finish,
    throw: async (error) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
