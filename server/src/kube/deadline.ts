/**
 * A stop signal combined with a timeout, for one request. Not `AbortSignal.timeout()`
 * inside `AbortSignal.any()`: nothing but the combined signal refers to such a timeout
 * signal, and Node may garbage-collect it before it fires (nodejs/node#57736), so a hung
 * request would never time out. Here the timer is an ordinary one, held until `clear()`.
 */
export interface Deadline {
  /** Aborts on `stop` (its reason) or after `ms` (a `TimeoutError` DOMException). */
  signal: AbortSignal;
  /** The request settled: drop the timer. */
  clear(): void;
}

export function deadline(stop: AbortSignal, ms: number): Deadline {
  const timeout = new AbortController();
  const timer = setTimeout(() => {
    timeout.abort(new DOMException(`timed out after ${ms} ms`, 'TimeoutError'));
  }, ms);
  // The timer alone must not keep a process alive that is otherwise done.
  timer.unref();
  return {
    signal: AbortSignal.any([stop, timeout.signal]),
    clear: () => clearTimeout(timer),
  };
}
