import { describe, expect, it } from 'vitest';
import { dataAgeMs, FALLBACK_RESOLUTION_SECONDS, isStale, staleAfterMs } from './staleness';

describe('staleness', () => {
  const now = 1_000_000;

  it('measures age and never goes negative under clock skew', () => {
    expect(dataAgeMs(now - 8_000, now)).toBe(8_000);
    expect(dataAgeMs(now + 500, now)).toBe(0);
    expect(dataAgeMs(null, now)).toBeNull();
  });

  it('is stale only after more than two resolutions', () => {
    expect(isStale(now - 30_000, 15, now)).toBe(false);
    expect(isStale(now - 30_001, 15, now)).toBe(true);
  });

  it('uses the fallback resolution when the server has not reported one', () => {
    expect(staleAfterMs(null)).toBe(2 * FALLBACK_RESOLUTION_SECONDS * 1000);
    expect(staleAfterMs(0)).toBe(2 * FALLBACK_RESOLUTION_SECONDS * 1000);
  });

  it('is not stale before the first sample', () => {
    expect(isStale(null, 15, now)).toBe(false);
  });
});
