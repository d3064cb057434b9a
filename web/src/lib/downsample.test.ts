import { describe, expect, it } from 'vitest';
import type { Point } from '@kubeglance/shared/api';
import { downsamplePoints } from './downsample';

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;

/** An hour of 1 s samples: a seeded random walk. */
function hourOfSeconds(seed = 7): Point[] {
  let x = seed;
  let v = 500;
  const points: Point[] = [];
  for (let i = 0; i < 3600; i++) {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    v = Math.max(0, v + ((x % 41) - 20));
    points.push([T0 + i * 1000, v]);
  }
  return points;
}

const values = (ps: readonly Point[]) => ps.map(([, v]) => v);

describe('downsamplePoints', () => {
  it('returns a series that already fits unchanged', () => {
    const points = hourOfSeconds().slice(0, 300);
    expect(downsamplePoints(points, T0, T0 + HOUR, 300)).toBe(points);
    expect(downsamplePoints(points, T0, T0 + HOUR, 0)).toBe(points);
  });

  it('keeps about one point per column, only original samples, in time order', () => {
    const points = hourOfSeconds();
    const out = downsamplePoints(points, T0, T0 + HOUR, 400);
    expect(out.length).toBeLessThanOrEqual(402);
    expect(out.length).toBeGreaterThan(300);
    const originals = new Set(points);
    expect(out.every((p) => originals.has(p))).toBe(true);
    for (let i = 1; i < out.length; i++) expect(out[i]![0]).toBeGreaterThan(out[i - 1]![0]);
    expect(out[0]).toBe(points[0]);
    expect(out[out.length - 1]).toBe(points[points.length - 1]);
  });

  it('keeps the lowest and highest sample of every bucket', () => {
    const points = hourOfSeconds(11);
    const columns = 300;
    const bucketMs = Math.ceil(HOUR / (columns / 2));
    const out = downsamplePoints(points, T0, T0 + HOUR, columns);
    const buckets = new Map<number, number[]>();
    for (const [t, v] of points) {
      const b = Math.floor(t / bucketMs);
      buckets.set(b, [...(buckets.get(b) ?? []), v!]);
    }
    for (const [b, vs] of buckets) {
      const kept = out.filter(([t]) => Math.floor(t / bucketMs) === b).map(([, v]) => v!);
      expect(kept).toContain(Math.min(...vs));
      expect(kept).toContain(Math.max(...vs));
    }
    expect(Math.max(...values(out).map(Number))).toBe(Math.max(...values(points).map(Number)));
  });

  it('keeps a one-sample spike and a one-sample dip', () => {
    const points: Point[] = hourOfSeconds().map(([t]) => [t, 100]);
    points[1234] = [points[1234]![0], 9_000];
    points[2345] = [points[2345]![0], 0];
    const out = downsamplePoints(points, T0, T0 + HOUR, 200);
    expect(out).toContain(points[1234]);
    expect(out).toContain(points[2345]);
  });

  it('keeps the first point and a gap, and collapses a run of gaps into one', () => {
    // An hour-long grid whose first 3,000 seconds are before the data began, then a gap.
    const points: Point[] = hourOfSeconds().map(([t, v], i) => [
      t,
      i < 3000 || (i >= 3300 && i < 3310) ? null : v,
    ]);
    const out = downsamplePoints(points, T0, T0 + HOUR, 400);
    expect(out[0]).toBe(points[0]);
    expect(out[1]![1]).not.toBeNull();
    const gaps = out.filter(([, v]) => v == null);
    expect(gaps).toEqual([points[0], points[3300]]);
    expect(out[out.length - 1]).toBe(points[3599]);
  });
});
