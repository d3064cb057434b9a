import { describe, expect, it } from 'vitest';
import type { AgeClock } from './staleness';
import {
  dataAgeAt,
  FALLBACK_RESOLUTION_SECONDS,
  formatDataAge,
  staleAfterMs,
  staleAt,
} from './staleness';

const clock = (over: Partial<AgeClock['status']> = {}, receivedMs = 100_000): AgeClock => ({
  status: { dataAgeMs: 2_000, metrics: 'ok', state: 'ok', resolutionSeconds: 15, ...over },
  receivedMs,
});

describe('staleness', () => {
  it('is the server-side age plus the time since the status arrived', () => {
    expect(dataAgeAt(clock(), 100_000)).toBe(2_000);
    expect(dataAgeAt(clock(), 108_000)).toBe(10_000);
    // A browser clock that jumps back never makes data younger than the server said.
    expect(dataAgeAt(clock(), 90_000)).toBe(2_000);
    expect(dataAgeAt(clock({ dataAgeMs: null }), 108_000)).toBeNull();
  });

  it('is stale after more than two resolutions, counted from the server age', () => {
    expect(staleAt(clock(), 128_000)).toBe(false);
    expect(staleAt(clock(), 128_001)).toBe(true);
    // Loaded during an outage: the server says 90 s, stale at once.
    expect(staleAt(clock({ dataAgeMs: 90_000 }), 100_000)).toBe(true);
  });

  it('is stale at once while the pipeline fails or the cluster is down, even without data', () => {
    expect(staleAt(clock({ metrics: 'failing' }), 100_000)).toBe(true);
    expect(staleAt(clock({ metrics: 'stale' }), 100_000)).toBe(true);
    expect(staleAt(clock({ state: 'down', dataAgeMs: null }), 100_000)).toBe(true);
    expect(staleAt(clock({ metrics: 'waiting', dataAgeMs: null }), 500_000)).toBe(false);
  });

  it('uses the fallback resolution when the server has not reported one', () => {
    expect(staleAfterMs(null)).toBe(2 * FALLBACK_RESOLUTION_SECONDS * 1000);
    expect(staleAfterMs(0)).toBe(2 * FALLBACK_RESOLUTION_SECONDS * 1000);
  });

  it('prints one format', () => {
    expect(formatDataAge(59_999)).toBe('59 s');
    expect(formatDataAge(63_000)).toBe('1 min');
  });
});
