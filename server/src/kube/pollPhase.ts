/**
 * When to poll next. Polling every `resolution` from the previous poll lets timer lateness
 * accumulate until a poll lands two publications later and a sample is skipped (a gap in
 * every chart). Instead the schedule is anchored to the upstream timestamps: a sample with
 * timestamp `ts` became visible `delay` after `ts` (learned as the smallest recent
 * `seenAt - ts`, which also absorbs clock offset), so the next one is due at
 * `ts + resolution + delay`; poll a little after that.
 */
export class PollPhase {
  private readonly delays: number[] = [];

  /** Records a new sample's timestamp and the local time its poll completed. */
  observe(timestampMs: number, seenAtMs: number): void {
    this.delays.push(seenAtMs - timestampMs);
    if (this.delays.length > 10) this.delays.shift();
  }

  /** Milliseconds from `nowMs` until the next poll should start. */
  nextDelay(lastTimestampMs: number | null, resolutionMs: number, nowMs: number): number {
    if (lastTimestampMs === null || this.delays.length === 0) return resolutionMs;
    const margin = Math.min(resolutionMs * 0.1, 1000);
    const due = lastTimestampMs + resolutionMs + Math.min(...this.delays) + margin;
    return Math.min(2 * resolutionMs, Math.max(0, due - nowMs));
  }

  /**
   * After `unchanged` polls in a row found nothing new: look again soon (a quarter period),
   * then less often, so a stuck metrics-server is not polled faster than its resolution.
   */
  static retryDelay(resolutionMs: number, unchanged = 1): number {
    const factor = 0.25 * 2 ** Math.min(2, Math.max(0, unchanged - 1));
    return Math.max(250, resolutionMs * factor);
  }
}
