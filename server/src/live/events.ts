import { decodeNotifyPayload, listenStatement, NOTIFY_CHANNELS, type NotifyPayload } from '@songnodes/contracts';
import { Client } from 'pg';
import type { Logger } from 'pino';

/** The NOTIFY channels the API relays to subscriptions (names and payloads: the contract in @songnodes/contracts). */
export type LiveChannel = typeof NOTIFY_CHANNELS.graphChanged | typeof NOTIFY_CHANNELS.crawlProgress;
const LIVE_CHANNELS: readonly LiveChannel[] = [NOTIFY_CHANNELS.graphChanged, NOTIFY_CHANNELS.crawlProgress];

type Listener = (payload: NotifyPayload<LiveChannel>) => void;

/**
 * One LISTEN connection per server replica, fanned out to every subscription of that replica. Because the sync
 * and the crawler NOTIFY through PostgreSQL, every replica hears every change: nothing is in-process only.
 * The connection is re-opened after a failure (events sent while it was down are lost; clients refetch on
 * reconnect anyway).
 */
export class LiveEvents {
  private client: Client | null = null;
  private readonly listeners = new Map<LiveChannel, Set<Listener>>(LIVE_CHANNELS.map((channel) => [channel, new Set()]));
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
    for (const channel of LIVE_CHANNELS) await client.query(listenStatement(channel));
    this.client = client;
  }

  /** Registers a listener; returns the function that removes it. */
  on<C extends LiveChannel>(channel: C, listener: (payload: NotifyPayload<C>) => void): () => void {
    const added = listener as Listener;
    this.listeners.get(channel)?.add(added);
    return () => this.listeners.get(channel)?.delete(added);
  }

  /** Open subscriptions per channel, for /metrics. */
  counts(): Record<LiveChannel, number> {
    return Object.fromEntries(LIVE_CHANNELS.map((channel) => [channel, this.listeners.get(channel)?.size ?? 0])) as Record<LiveChannel, number>;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private dispatch(channel: LiveChannel, payload: string | undefined): void {
    const parsed = decodeNotifyPayload(channel, payload);
    if (parsed === null) {
      this.logger.warn({ channel, payload: payload?.slice(0, 200) }, 'ignored a NOTIFY payload that does not fit the contract');
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
