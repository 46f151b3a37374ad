import pino, { type Logger } from 'pino';

/** The crawler's one structured logger (JSON lines on stderr, so command output on stdout stays clean). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'songnodes-crawler' } }, pino.destination(2));
}

export type { Logger };
