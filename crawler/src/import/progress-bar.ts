/**
 * Progress of a long command: a bar on a terminal (cli-progress, on stderr, redrawn at most 5 times a second),
 * JSON lines through the logger otherwise, one per milestone (a file started or done) plus a progress line at
 * most every `intervalMs`, so a log never floods with one line per setlist.
 */
import { SingleBar } from 'cli-progress';
import pino, { type Logger } from 'pino';

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
  /** count what a unit did without moving the bar (a crawled target stores several setlists) */
  count(outcome: keyof ProgressCounts | 'skipped', count?: number): void;
  /** move the bar without counting an outcome */
  advance(count?: number): void;
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
      addTotal: (count) => {
        total += count;
        bar.setTotal(total);
      },
      tick: (outcome, count = 1) => {
        counts[outcome] += count;
        done += count;
        bar.update(done, counts);
      },
      count: (outcome, count = 1) => {
        counts[outcome] += count;
        bar.update(counts);
      },
      advance: (count = 1) => {
        done += count;
        bar.update(done, counts);
      },
      milestone: (message) => bar.update({ what: message.length > 48 ? `…${message.slice(-47)}` : message }),
      stop: () => bar.stop(),
    };
  }
  const intervalMs = options.intervalMs ?? 10_000;
  let lastLine = Date.now();
  const line = (message: string, detail: Record<string, unknown> = {}) =>
    options.logger.info({ progress: { done, total, ...counts }, ...detail }, `${options.label}: ${message}`);
  const advance = (count: number) => {
    done += count;
    if (Date.now() - lastLine >= intervalMs) {
      lastLine = Date.now();
      line('progress');
    }
  };
  return {
    addTotal: (count) => {
      total += count;
    },
    tick: (outcome, count = 1) => {
      counts[outcome] += count;
      advance(count);
    },
    count: (outcome, count = 1) => {
      counts[outcome] += count;
    },
    advance: (count = 1) => advance(count),
    milestone: (message, detail) => line(message, detail),
    stop: () => line('done'),
  };
}

/**
 * A logger for a crawl that reports through `progress` instead of a JSON line per step: the crawl's `setlist` events
 * are counted, each `target-finished` moves the bar, and warnings and errors still reach `passThrough`.
 */
export function progressLogger(progress: Progress, passThrough: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    { level: 'info', base: { service: 'songnodes-crawler' } },
    {
      write(line: string) {
        let event: { level?: number; msg?: string; detail?: { outcome?: string } };
        try {
          event = JSON.parse(line);
        } catch {
          return;
        }
        if (event.msg === 'setlist') {
          const outcome = event.detail?.outcome;
          progress.count(outcome === 'written' ? 'written' : outcome === 'unchanged' ? 'unchanged' : 'refused');
        } else if (event.msg === 'target-finished') progress.advance();
        else if ((event.level ?? 0) >= 40) passThrough.write(line);
      },
    },
  );
}
