/** Options for a source's circuit breaker. */
export interface CircuitBreakerOptions {
  /** consecutive failures that open the breaker @default 5 */
  threshold: number;
}

/**
 * Stops hammering a source that keeps failing: after `threshold` consecutive failed requests (or one anti-bot
 * page, through `trip`) the breaker opens and the source is paused for the rest of the run; the crawler also
 * records the pause in ops.source_state so later runs wait for the cool-down.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openReason: string | null = null;

  constructor(private readonly options: CircuitBreakerOptions) {}

  get isOpen(): boolean {
    return this.openReason !== null;
  }

  get reason(): string | null {
    return this.openReason;
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
  }

  recordFailure(why: string): void {
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.options.threshold) {
      this.openReason = `${this.consecutiveFailures} consecutive failed requests (last: ${why})`;
    }
  }

  /** Opens at once: one anti-bot page means every further request would be blocked too. */
  trip(reason: string): void {
    this.openReason = reason;
  }
}
