import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff';

describe('backoffDelayMs', () => {
  const middle = () => 0.5;

  it('doubles from 1 s and caps at 15 s', () => {
    const schedule = [0, 1, 2, 3, 4, 5, 10].map((a) => backoffDelayMs(a, DEFAULT_BACKOFF, middle));
    expect(schedule).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000]);
  });

  it('spreads by ±20 % without exceeding the cap', () => {
    expect(backoffDelayMs(0, DEFAULT_BACKOFF, () => 0)).toBe(800);
    expect(backoffDelayMs(0, DEFAULT_BACKOFF, () => 0.999999)).toBe(1_200);
    expect(backoffDelayMs(9, DEFAULT_BACKOFF, () => 0.999999)).toBe(15_000);
    expect(backoffDelayMs(9, DEFAULT_BACKOFF, () => 0)).toBe(12_000);
  });

  it('treats negative attempts as the first', () => {
    expect(backoffDelayMs(-3, DEFAULT_BACKOFF, middle)).toBe(1_000);
  });
});
