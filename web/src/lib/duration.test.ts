import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['20s', 20_000],
    ['6h', 21_600_000],
    ['1h30m', 5_400_000],
    ['1500ms', 1_500],
    ['2d', 172_800_000],
    ['30', 30_000],
    ['0.5m', 30_000],
    [' 5M ', 300_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'soon', '5x', '-5s', '0s', 's', '5s5', '1h 30m'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('treats a missing value as null', () => {
    expect(parseDuration(null)).toBeNull();
    expect(parseDuration(undefined)).toBeNull();
  });
});
