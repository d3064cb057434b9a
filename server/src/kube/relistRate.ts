/**
 * Counts relists (a list after a 410 or a failed watch, not the first one) in a sliding
 * window and says whether they come too often: `watch-churn`. Raised at `raiseAt` relists
 * in the window, cleared when at most one is left, so one relist after an etcd compaction
 * is normal and a steady run of them is a problem.
 */
export class RelistRate {
  private readonly times: number[] = [];
  private churning = false;

  constructor(
    private readonly windowMs: number,
    private readonly raiseAt = 3,
  ) {}

  record(nowMs: number): void {
    this.times.push(nowMs);
  }

  /** Relists within the window ending at `nowMs`. */
  count(nowMs: number): number {
    while (this.times.length > 0 && this.times[0]! <= nowMs - this.windowMs) this.times.shift();
    return this.times.length;
  }

  /** Whether relists are churning at `nowMs` (with hysteresis). */
  churn(nowMs: number): boolean {
    const n = this.count(nowMs);
    if (n >= this.raiseAt) this.churning = true;
    else if (n <= 1) this.churning = false;
    return this.churning;
  }
}
