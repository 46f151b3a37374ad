import pino, { type Logger } from 'pino';

/** The one structured logger; children carry context (request id, operation, component). */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { service: 'songnodes-server', ...base } });
}

export type { Logger };
