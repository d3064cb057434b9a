import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long jobs split over turns of the event loop: between two slices the loop answers the
 * requests, timers and socket reads that arrived meanwhile, so a 30,000-pod job delays
 * nobody by more than one slice.
 */

/**
 * Runs a generator to its end, one step per `yield` in one turn each (`setImmediate`, so
 * I/O callbacks run in between). The generator's return value is the result.
 */
export async function runInTurns<T>(job: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}

/** Runs a generator to its end in the current turn (tests, benchmarks, small inputs). */
export function runAtOnce<T>(job: Generator<void, T>): T {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}

/** Runs each step in a turn of its own (the first one after the current turn). */
export async function stepsInTurns(steps: readonly (() => void)[]): Promise<void> {
  for (const step of steps) {
    await nextTurn();
    step();
  }
}
