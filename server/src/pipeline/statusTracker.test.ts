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
        dropped: [
          {
            what: 'pod a/b',
            reason: 'null timestamp',
            kind: 'pod',
            name: 'a/b',
            code: 'null-timestamp',
          },
        ],
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

  it('a node becomes stale as the clock passes its limit, though status was read before', () => {
    const t = new StatusTracker();
    const clocks = [
      { name: 'n1', advancedAtMs: NOW, offsetMs: 0 },
      { name: 'n2', advancedAtMs: NOW - 20_000, offsetMs: 0 },
    ];
    t.setQuality({ dropped: [], duplicates: 0, clocks }, RES, NOW);
    // n2's limit: 20 s ago + two resolutions + 1 s = NOW + 11 s.
    for (const at of [NOW, NOW + 5000, NOW + 11_000]) {
      expect(t.status(at, true, RES).problems.map((p) => p.code)).toEqual([]);
    }
    const later = t.status(NOW + 11_001, true, RES).problems;
    expect(later.map((p) => p.code)).toEqual(['nodes-stale-metrics']);
    expect(later[0]!.message).toContain('n2');
    // A shorter resolution judges the same clocks again at once.
    t.setQuality({ dropped: [], duplicates: 0, clocks }, RES, NOW);
    expect(t.status(NOW, true, 5000).problems.map((p) => p.code)).toEqual(['nodes-stale-metrics']);
  });

  it('watch-churn names the kinds, and says its detail line by line as codes with counts', () => {
    const t = new StatusTracker();
    t.metricsSucceeded(NOW, NOW);
    t.setWatchChurn(
      [
        { kind: 'pods', relists: 3 },
        { kind: 'nodes', relists: 2 },
      ],
      120_000,
      NOW,
    );
    const p = t.status(NOW, true, RES).problems.find((x) => x.code === 'watch-churn')!;
    expect(p.message).toContain('relists of pods (3), nodes (2) in the last 120 s');
    expect(p.detail).toBe('pods: 3 relists; nodes: 2 relists');
    expect(p.params).toEqual({ kinds: { names: ['pods', 'nodes'], total: 2 }, seconds: 120 });
    expect(p.details).toEqual([
      { code: 'watch-churn.relists', params: { kind: 'pods', n: 3 }, text: 'pods: 3 relists' },
      { code: 'watch-churn.relists', params: { kind: 'nodes', n: 2 }, text: 'nodes: 2 relists' },
    ]);
  });
});
