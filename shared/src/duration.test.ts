import { describe, expect, it } from 'vitest';
import { DurationError, parseDurationMs } from './duration.js';

describe('parseDurationMs', () => {
  it.each([
    ['15s', 15_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1.5h', 5_400_000],
    ['0', 0],
    ['0s', 0],
    ['1m0s', 60_000],
    ['10.228s', 10_228],
    ['2h45m', 9_900_000],
    ['.5s', 500],
    ['1.s', 1_000],
    ['+5s', 5_000],
    ['-1.5m', -90_000],
    ['1500us', 1.5],
    ['1500µs', 1.5],
    ['1500μs', 1.5],
    ['2500000ns', 2.5],
    ['1h1m1s1ms', 3_661_001],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDurationMs(text)).toBeCloseTo(ms, 9);
  });

  it.each(['', '-', '30', '5x', '1d', '5S', 's', '.s', '5s5', '1h 30m', ' 5s', '1..5s', 'soon'])(
    'rejects %j with a DurationError',
    (text) => {
      expect(() => parseDurationMs(text)).toThrow(DurationError);
    },
  );

  it('names the error and keeps the input', () => {
    try {
      parseDurationMs('5x');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DurationError);
      expect((e as DurationError).name).toBe('DurationError');
      expect((e as DurationError).input).toBe('5x');
      expect((e as DurationError).message).toContain('unknown unit "x"');
    }
  });
});
