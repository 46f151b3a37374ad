/**
 * Progress of a long command: a bar on a terminal (cli-progress, on stderr, redrawn at most 5 times a second),
 * JSON lines through the logger otherwise, one per milestone (a file started or done) plus a progress line at
 * most every `intervalMs`, so a log never floods with one line per setlist.
 */
import { SingleBar } from 'cli-progress';
import type { Logger } from 'pino';

export interface ProgressCounts {
  written: number;
  unchanged: number;
  refused: number;
}

export interface Progress {
  /** more work became known (a file was read) */
  addTotal(count: number): void;
  /** one unit of work is done, with what it did */
  tick(outcome: keyof ProgressCounts | 'skipped', count?: number): void;
  /** a milestone worth a log line on a non-terminal, shown as the bar's label on a terminal */
  milestone(message: string, detail?: Record<string, unknown>): void;
  stop(): void;
}

export interface ProgressOptions {
  /** the word before the bar ("import", "sample") */
  label: string;
  logger: Logger;
  /** draw a bar @default process.stderr.isTTY */
  tty?: boolean;
  /** a JSON progress line at most this often @default 10_000 */
  intervalMs?: number;
  stream?: NodeJS.WritableStream;
}

export function createProgress(options: ProgressOptions): Progress {
  const tty = options.tty ?? Boolean(process.stderr.isTTY);
  const counts: ProgressCounts & { skipped: number } = { written: 0, unchanged: 0, refused: 0, skipped: 0 };
  let total = 0;
  let done = 0;
  if (tty) {
    const bar = new SingleBar({
      format: `${options.label} [{bar}] {value}/{total} | {written} written, {unchanged} unchanged, {skipped} skipped, {refused} refused | {duration_formatted} | {what}`,
      fps: 5,
      barsize: 30,
      hideCursor: true,
      stream: options.stream ?? process.stderr,
    });
    bar.start(0, 0, { ...counts, what: '' });
    return {
      addTotal: (count) => bar.setTotal((total += count)),
      tick: (outcome, count = 1) => {
        counts[outcome] += count;
        bar.update((done += count), counts);
      },
      milestone: (message) => bar.update({ what: message.length > 48 ? `…${message.slice(-47)}` : message }),
      stop: () => bar.stop(),
    };
  }
  const intervalMs = options.intervalMs ?? 10_000;
  let lastLine = Date.now();
  const line = (message: string, detail: Record<string, unknown> = {}) =>
    options.logger.info({ progress: { done, total, ...counts }, ...detail }, `${options.label}: ${message}`);
  return {
    addTotal: (count) => void (total += count),
    tick: (outcome, count = 1) => {
      counts[outcome] += count;
      done += count;
      if (Date.now() - lastLine >= intervalMs) {
        lastLine = Date.now();
        line('progress');
      }
    },
    milestone: (message, detail) => line(message, detail),
    stop: () => line('done'),
  };
}
