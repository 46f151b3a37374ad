/**
 * Main-thread time per drawn frame (Performance API clock), kept in a fixed ring so it costs nothing to keep on.
 * The benchmark reads it; the UI could too.
 */
export class FrameStats {
  private readonly durations: Float64Array;
  private count = 0;
  /** total frames drawn since creation */
  frames = 0;

  constructor(capacity = 4096) {
    this.durations = new Float64Array(capacity);
  }

  record(ms: number): void {
    this.durations[this.count % this.durations.length] = ms;
    this.count += 1;
    this.frames += 1;
  }

  /** The recorded durations (oldest first), and clears them. */
  drain(): number[] {
    const capacity = this.durations.length;
    const kept = Math.min(this.count, capacity);
    const start = this.count > capacity ? this.count % capacity : 0;
    const out = Array.from({ length: kept }, (_, i) => this.durations[(start + i) % capacity]!);
    this.count = 0;
    return out;
  }
}

/** Median and 95th percentile (nearest rank) of a sample, or null when empty. */
export function summariseDurations(sample: readonly number[]): { median: number; p95: number; max: number; count: number } | null {
  if (sample.length === 0) return null;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { median: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1]!, count: sorted.length };
}
