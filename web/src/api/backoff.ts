/** Reconnect schedule for the live stream: exponential, capped, jittered. */

export interface BackoffOptions {
  baseMs: number;
  factor: number;
  maxMs: number;
  /** ± share of the delay picked at random, so many screens do not reconnect in lockstep. */
  jitter: number;
}

// A wall screen should be back within ~15 s of the server returning, and a
// restarting server should not face a thundering herd every second.
export const DEFAULT_BACKOFF: BackoffOptions = {
  baseMs: 1_000,
  factor: 2,
  maxMs: 15_000,
  jitter: 0.2,
};

/** Delay before reconnect attempt number `attempt` (0 = the first retry). */
export function backoffDelayMs(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exp = options.baseMs * options.factor ** Math.max(0, attempt);
  const capped = Math.min(options.maxMs, exp);
  const spread = 1 - options.jitter + 2 * options.jitter * random();
  return Math.round(Math.min(options.maxMs, capped * spread));
}
