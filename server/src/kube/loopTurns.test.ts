import { describe, expect, it } from 'vitest';
import { runAtOnce, runInTurns, stepsInTurns } from './loopTurns.js';

/** Busy-waits `ms` milliseconds (a slice of CPU work). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** A job of `slices` slices of `ms` each, counting the slices it ran. */
function* job(slices: number, ms: number, done: { slices: number }): Generator<void, string> {
  for (let i = 0; i < slices; i++) {
    spin(ms);
    done.slices++;
    yield;
  }
  return 'result';
}

describe('loop turns', () => {
  it('a job in turns lets a timer fire between its slices, and returns its result', async () => {
    const done = { slices: 0 };
    const seenAt: number[] = [];
    const timer = setInterval(() => seenAt.push(done.slices), 1);
    try {
      expect(await runInTurns(job(20, 5, done))).toBe('result');
    } finally {
      clearInterval(timer);
    }
    expect(done.slices).toBe(20);
    // The timer ran while the job was half done, not only before or after it.
    expect(seenAt.some((n) => n > 0 && n < 20)).toBe(true);
  });

  it('the same job at once holds the loop: the timer does not fire until it ends', async () => {
    const done = { slices: 0 };
    const seenAt: number[] = [];
    const timer = setInterval(() => seenAt.push(done.slices), 1);
    try {
      expect(runAtOnce(job(20, 5, done))).toBe('result');
      await new Promise((r) => setTimeout(r, 5));
    } finally {
      clearInterval(timer);
    }
    expect(seenAt.length).toBeGreaterThan(0);
    expect(seenAt.every((n) => n === 20)).toBe(true);
  });

  it('steps run in order, each in its own turn', async () => {
    const order: string[] = [];
    const steps = ['a', 'b', 'c'].map((s) => () => void order.push(s));
    const running = stepsInTurns(steps);
    // Nothing runs in the caller's turn.
    expect(order).toEqual([]);
    setImmediate(() => order.push('between'));
    await running;
    expect(order).toEqual(['a', 'between', 'b', 'c']);
  });
});
