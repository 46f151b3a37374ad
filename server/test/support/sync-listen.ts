import { Writable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import pino from 'pino';
import type { Logger } from '../../src/logger';

/** Every NOTIFY graph_changed payload received, and a way to wait for the ones a test expects. */
export interface GraphChangedListener {
  payloads: string[];
  /** all track ids received so far */
  trackIds(): Set<number>;
  /** resolves once every id in `ids` has been announced */
  waitForTrackIds(ids: number[]): Promise<void>;
  close(): Promise<void>;
}

export async function listenToGraphChanged(pg: Pool): Promise<GraphChangedListener> {
  const client: PoolClient = await pg.connect();
  const payloads: string[] = [];
  const waiters: (() => void)[] = [];
  client.on('notification', (message) => {
    if (message.channel !== 'graph_changed' || message.payload === undefined) return;
    payloads.push(message.payload);
    for (const waiter of [...waiters]) waiter();
  });
  await client.query('LISTEN graph_changed');
  const trackIds = () => new Set(payloads.flatMap((p) => (JSON.parse(p) as { trackIds: number[] }).trackIds));
  return {
    payloads,
    trackIds,
    waitForTrackIds: (ids) =>
      new Promise<void>((resolve) => {
        const check = () => {
          const seen = trackIds();
          if (!ids.every((id) => seen.has(id))) return;
          waiters.splice(waiters.indexOf(check), 1);
          resolve();
        };
        waiters.push(check);
        check();
      }),
    close: async () => {
      await client.query('UNLISTEN graph_changed');
      client.release();
    },
  };
}

type LogLine = Record<string, unknown>;

/** A pino logger whose lines a test can read and wait for. */
export function createCapturingLogger(): {
  logger: Logger;
  lines: LogLine[];
  /** resolves once a line matches (one logged earlier counts) */
  waitForLine(match: (line: LogLine) => boolean): Promise<void>;
  waitForMessage(msg: string): Promise<void>;
} {
  const lines: LogLine[] = [];
  const waiters: { match: (line: LogLine) => boolean; resolve: () => void }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = JSON.parse(chunk.toString()) as LogLine;
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.match(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      done();
    },
  });
  const waitForLine = (match: (line: LogLine) => boolean) =>
    lines.some(match) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ match, resolve }));
  return {
    logger: pino({ level: 'info' }, stream),
    lines,
    waitForLine,
    waitForMessage: (msg) => waitForLine((line) => line.msg === msg),
  };
}
