/**
 * Jittered exponential back-off: each delay is drawn from the upper half of an interval
 * that doubles per failure up to a cap ("equal jitter"), so replicas that failed together
 * do not retry together, and a permanent fault settles at about two attempts per cap.
 */
export class Backoff {
  private attempts = 0;

  constructor(
    private readonly baseMs: number,
    private readonly capMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** The delay before the next attempt; each call counts one more failure. */
  next(): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** Math.min(30, this.attempts));
    this.attempts += 1;
    return ceiling / 2 + this.random() * (ceiling / 2);
  }

  /** Things work again: the next failure starts from the base delay. */
  reset(): void {
    this.attempts = 0;
  }

  get failures(): number {
    return this.attempts;
  }
}

/** Resolves after `ms`, or at once when `stop` fires. */
export function sleep(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    }
    if (stop.aborted) done();
    else stop.addEventListener('abort', done, { once: true });
  });
}
