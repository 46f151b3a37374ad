import { decodeNotifyPayload, listenStatement, NOTIFY_CHANNELS, type NotifyPayload } from '@songnodes/contracts';
import { Client } from 'pg';
import type { Logger } from 'pino';

/** The NOTIFY channels the API relays to subscriptions (names and payloads: the contract in @songnodes/contracts). */
export type LiveChannel = typeof NOTIFY_CHANNELS.graphChanged | typeof NOTIFY_CHANNELS.crawlProgress;
const LIVE_CHANNELS: readonly LiveChannel[] = [NOTIFY_CHANNELS.graphChanged, NOTIFY_CHANNELS.crawlProgress];

type Listener = (payload: NotifyPayload<LiveChannel>) => void;

/** Waits between LISTEN reconnection attempts: doubling from the first to the last, then staying there. */
export interface ReconnectBackoff {
  /** @default 250 */
  firstMs: number;
  /** @default 10000 */
  maxMs: number;
}

/**
 * One LISTEN connection per server replica, fanned out to every subscription of that replica. Because the sync
 * and the crawler NOTIFY through PostgreSQL, every replica hears every change: nothing is in-process only.
 *
 * The connection is re-opened after any failure ('error' or 'end': a PostgreSQL restart, `pg_terminate_backend`, a
 * failover), with a doubling backoff, for as long as the server runs; subscriptions live here, not on the
 * connection, so they resume on their own once it is back. Events sent while it was down are lost (clients refetch
 * on reconnect anyway). A failed first connection does not stop the server either: it keeps trying.
 */
export class LiveEvents {
  private client: Client | null = null;
  private readonly listeners = new Map<LiveChannel, Set<Listener>>(LIVE_CHANNELS.map((channel) => [channel, new Set()]));
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly backoff: ReconnectBackoff;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
    backoff: Partial<ReconnectBackoff> = {},
  ) {
    this.backoff = { firstMs: 250, maxMs: 10_000, ...backoff };
  }

  /** Whether the LISTEN connection is up now (for /readyz and tests). */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Opens the LISTEN connection; resolves whether or not that worked (a failure schedules the next attempt). */
  async start(): Promise<void> {
    if (this.closed || this.client || this.retry) return;
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'songnodes-server-listen', keepAlive: true });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return; // 'error' and 'end' both come for one loss
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      this.scheduleReconnect(error ?? new Error('LISTEN connection ended'));
    };
    client.on('notification', (message) => this.dispatch(message.channel as LiveChannel, message.payload));
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      for (const channel of LIVE_CHANNELS) await client.query(listenStatement(channel));
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (lost) return;
    if (this.closed) {
      lost = true;
      await client.end().catch(() => undefined);
      return;
    }
    if (this.failures > 0) this.logger.info({ attempts: this.failures }, 'LISTEN connection restored; subscriptions resume');
    this.failures = 0;
    this.client = client;
  }

  private scheduleReconnect(error: Error): void {
    if (this.closed || this.retry) return;
    const delay = Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** Math.min(this.failures, 20));
    this.failures += 1;
    this.logger.warn({ err: error.message, retryInMs: delay, attempt: this.failures }, 'LISTEN connection lost; reconnecting');
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
  }

  /** Registers a listener; returns the function that removes it. */
  on<C extends LiveChannel>(channel: C, listener: (payload: NotifyPayload<C>) => void): () => void {
    const added = listener as Listener;
    this.listeners.get(channel)?.add(added);
    return () => this.listeners.get(channel)?.delete(added);
  }

  /** Open subscriptions per channel, for /metrics. */
  counts(): Record<LiveChannel, number> {
    return Object.fromEntries(LIVE_CHANNELS.map((channel) => [channel, this.listeners.get(channel)?.size ?? 0])) as Record<
      LiveChannel,
      number
    >;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private dispatch(channel: LiveChannel, payload: string | undefined): void {
    const parsed = decodeNotifyPayload(channel, payload);
    if (parsed === null) {
      this.logger.warn({ channel, payload: payload?.slice(0, 200) }, 'ignored a NOTIFY payload that does not fit the contract');
      return;
    }
    for (const listener of this.listeners.get(channel) ?? []) listener(parsed);
  }
}

/**
 * An async iterator over one channel's events that pass `accept`, for graphql-ws subscription resolvers;
 * returning (the client unsubscribed or disconnected) removes the listener.
 */
export function subscribeTo<C extends LiveChannel, T>(
  events: LiveEvents,
  channel: C,
  map: (payload: NotifyPayload<C>) => T | null,
): AsyncIterableIterator<T> {
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
