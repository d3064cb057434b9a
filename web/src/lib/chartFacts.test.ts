import { describe, expect, it } from 'vitest';
import { chartLabel, collectingSince, knownCount, latestValue } from './chartFacts';
import type { ChartRow } from './series';

const rows: ChartRow[] = [
  { t: 1000, a: 1, b: null },
  { t: 2000, a: 2, b: 5 },
  { t: 3000, a: null, b: 6 },
];
const fmt = (v: number) => v.toFixed(1);

describe('chart facts', () => {
  it('latest value skips gaps; unknown stays null', () => {
    expect(latestValue(rows, 'a')).toBe(2);
    expect(latestValue(rows, 'b')).toBe(6);
    expect(latestValue(rows, 'c')).toBeNull();
    expect(knownCount(rows, 'a')).toBe(2);
  });

  it('label names the title and each series newest value', () => {
    const series = [
      { key: 'a', label: 'usage' },
      { key: 'c', label: 'other' },
    ];
    expect(chartLabel('CPU, in cores', rows, series, fmt, 'cores')).toBe(
      'CPU, in cores. Latest: usage 2.0 cores, other unknown.',
    );
    expect(chartLabel('CPU', [], series, fmt, 'cores')).toBe('CPU. No data yet.');
  });

  it('collecting since: only when the first sample is well inside the range', () => {
    expect(collectingSince(rows, 0, 10_000)).toBe(1000);
    expect(collectingSince(rows, 900, 10_000)).toBeNull();
    expect(collectingSince([], 0, 10_000)).toBeNull();
  });
});
