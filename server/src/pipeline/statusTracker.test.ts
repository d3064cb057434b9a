import { describe, expect, it } from 'vitest';
import { StatusTracker } from './statusTracker.js';

const NOW = 1_800_000_000_000;
const RES = 15_000;

describe('StatusTracker data-quality problems', () => {
  it('a skewed node clock is a problem, never a stale or failing pipeline', () => {
    const t = new StatusTracker();
    t.metricsSucceeded(NOW - 2000, NOW);
    t.setQuality(
      {
        dropped: [],
        duplicates: 0,
        clocks: [
          { name: 'n1', advancedAtMs: NOW, offsetMs: -2000 },
          { name: 'n2', advancedAtMs: NOW, offsetMs: 3_600_000 },
        ],
      },
      RES,
      NOW,
    );
    const s = t.status(NOW + 1000, true, RES);
    expect(s.metrics).toBe('ok');
    expect(s.state).toBe('degraded');
    expect(s.problems.map((p) => p.code)).toEqual(['clock-skew']);
  });

  it('malformed items and a lagging node are reported; clearing them clears the problems', () => {
    const t = new StatusTracker();
    t.metricsSucceeded(NOW, NOW);
    t.setQuality(
      {
        dropped: [{ what: 'pod a/b', reason: 'null timestamp' }],
        duplicates: 1,
        clocks: [
          { name: 'n1', advancedAtMs: NOW, offsetMs: 0 },
          { name: 'n2', advancedAtMs: NOW - 120_000, offsetMs: 0 },
        ],
      },
      RES,
      NOW,
    );
    const codes = t.status(NOW, true, RES).problems.map((p) => p.code);
    expect(codes).toEqual(['nodes-stale-metrics', 'malformed-metrics']);
    t.setQuality(
      { dropped: [], duplicates: 0, clocks: [{ name: 'n1', advancedAtMs: NOW, offsetMs: 0 }] },
      RES,
      NOW + 15_000,
    );
    t.metricsSucceeded(NOW + 15_000, NOW + 15_000);
    const healthy = t.status(NOW + 15_000, true, RES);
    expect(healthy.problems).toEqual([]);
    expect(healthy.state).toBe('ok');
  });
});
