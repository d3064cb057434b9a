import { describe, expect, it } from 'vitest';
import { malformedProblem, skewProblem, staleNodesProblem } from './metricsQuality.js';

const NOW = 1_800_000_000_000;
const RES = 15_000;
const clock = (name: string, offsetMs: number, advancedAtMs = NOW) => ({
  name,
  offsetMs,
  advancedAtMs,
});

describe('metrics quality problems', () => {
  it('malformed-metrics names examples of dropped items and counts duplicates', () => {
    const p = malformedProblem(
      [
        {
          what: 'pod a/x',
          reason: 'null timestamp',
          kind: 'pod',
          name: 'a/x',
          code: 'null-timestamp',
        },
        {
          what: 'pod a/y',
          reason: 'no containers',
          kind: 'pod',
          name: 'a/y',
          code: 'no-containers',
        },
      ],
      1,
      NOW,
      undefined,
    )!;
    expect(p.code).toBe('malformed-metrics');
    expect(p.message).toContain('2 unusable item(s) left out: pod a/x (null timestamp), pod a/y');
    expect(p.message).toContain('1 duplicate item(s) counted once');
    // The detail in English for the API, and line by line as codes for other languages.
    expect(p.detail).toBe('pod a/x: null timestamp\npod a/y: no containers');
    expect(p.params).toEqual({ dropped: 2, duplicates: 1 });
    expect(p.details).toEqual([
      {
        code: 'malformed-metrics.null-timestamp',
        params: { kind: 'pod', name: 'a/x' },
        text: 'pod a/x: null timestamp',
      },
      {
        code: 'malformed-metrics.no-containers',
        params: { kind: 'pod', name: 'a/y' },
        text: 'pod a/y: no containers',
      },
    ]);
    expect(malformedProblem([], 0, NOW, undefined)).toBeUndefined();
    // The same problem keeps its start time.
    expect(malformedProblem([], 2, NOW + 5000, p)!.sinceMs).toBe(NOW);
  });

  it('clock-skew names nodes an hour ahead, not ones within normal lag', () => {
    const p = skewProblem(
      [clock('n1', -3000), clock('n2', 3_600_000), clock('n3', -20_000)],
      RES,
      NOW,
      undefined,
    )!;
    expect(p.code).toBe('clock-skew');
    expect(p.message).toBe("1 node clock(s) differ from the others': n2 60m ahead.");
    expect(skewProblem([clock('n1', -3000), clock('n2', 10_000)], RES, NOW, undefined)).toBe(
      undefined,
    );
    const behind = skewProblem([clock('n1', -3000), clock('n2', -600_000)], RES, NOW, undefined)!;
    expect(behind.message).toContain('n2 10m behind');
    const all = skewProblem([clock('a', 7_200_000), clock('b', 7_200_000)], RES, NOW, undefined)!;
    expect(all.message).toMatch(/are about 120m ahead of kubeglance's .*own clock is probably off/);
    // Offsets are judged against the others' (data age included): 3597 s off reads 60m.
    const aged = skewProblem(
      [clock('n1', -3000), clock('n2', -2000), clock('n3', 3_594_000)],
      RES,
      NOW,
      undefined,
    )!;
    expect(aged.message).toBe("1 node clock(s) differ from the others': n3 60m ahead.");
  });

  it('nodes-stale-metrics when some nodes stopped advancing, not when all did', () => {
    const clocks = [clock('n1', 0, NOW), clock('n2', 0, NOW - 60_000)];
    const p = staleNodesProblem(clocks, RES, NOW, undefined)!;
    expect(p.code).toBe('nodes-stale-metrics');
    expect(p.message).toBe('1 node(s) have had no new metrics for up to 60s: n2.');
    expect(staleNodesProblem([clocks[1]!], RES, NOW, undefined)).toBeUndefined();
    expect(staleNodesProblem([clock('n1', 0, NOW - 31_000)], RES, NOW, undefined)).toBe(undefined);
  });
});
