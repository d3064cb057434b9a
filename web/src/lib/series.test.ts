import { describe, expect, it } from 'vitest';
import type { HistoryResponse, Point } from '@kubeglance/shared/api';
import {
  appendPoint,
  axisNumber,
  chartUnit,
  maxValue,
  mergePoints,
  newestTime,
  OTHER_KEY,
  seriesPoints,
  timeTicks,
  toChartRows,
  withOther,
} from './series';

describe('seriesPoints', () => {
  const history: HistoryResponse = {
    scope: 'cluster',
    range: '5m',
    resolutionSeconds: 15,
    series: [{ metric: 'memory', unit: 'bytes', points: [[1, 5]] }],
  };

  it('finds a metric or returns nothing', () => {
    expect(seriesPoints(history, 'memory')).toEqual([[1, 5]]);
    expect(seriesPoints(history, 'cpu')).toEqual([]);
    expect(seriesPoints(undefined, 'cpu')).toEqual([]);
  });
});

describe('mergePoints', () => {
  it('appends only live points newer than the history and cuts the window', () => {
    const base: Point[] = [
      [10, 1],
      [20, 2],
    ];
    const live: Point[] = [
      [20, 9],
      [30, 3],
    ];
    expect(mergePoints(base, live)).toEqual([
      [10, 1],
      [20, 2],
      [30, 3],
    ]);
    expect(mergePoints(base, live, 15)).toEqual([
      [20, 2],
      [30, 3],
    ]);
    expect(mergePoints([], live)).toEqual(live);
  });
});

describe('appendPoint', () => {
  it('ignores replays and trims old points', () => {
    const points: Point[] = [
      [10, 1],
      [20, 2],
    ];
    expect(appendPoint(points, [20, 5], 0)).toBe(points);
    expect(appendPoint(points, [30, 3], 15)).toEqual([
      [20, 2],
      [30, 3],
    ]);
    expect(appendPoint([], [5, null], 0)).toEqual([[5, null]]);
  });
});

describe('toChartRows', () => {
  it('aligns series by timestamp, scales, and keeps gaps as null', () => {
    const rows = toChartRows(
      {
        a: [
          [2, 2000],
          [1, 1000],
        ],
        b: [[2, null]],
      },
      1000,
    );
    expect(rows).toEqual([
      { t: 1, a: 1, b: null },
      { t: 2, a: 2, b: null },
    ]);
  });
});

describe('withOther', () => {
  it('adds the remainder of the total, unknown where the total is, never negative', () => {
    const total: Point[] = [
      [1, 100],
      [2, null],
      [3, 10],
    ];
    const parts = {
      p0: [
        [1, 60],
        [3, 30],
      ] as Point[],
      p1: [[1, 30]] as Point[],
    };
    expect(withOther(total, parts)[OTHER_KEY]).toEqual([
      [1, 10],
      [2, null],
      [3, 0],
    ]);
    expect(withOther(total, parts).p0).toEqual(parts.p0);
  });
});

describe('newestTime and axisNumber', () => {
  it('finds the newest timestamp across series', () => {
    expect(newestTime([[1, 1]], [], [[5, null]])).toBe(5);
    expect(newestTime([], [])).toBeNull();
  });

  it('prints compact tick numbers', () => {
    expect([0, 0.25, 1.5, 12.34, 140.6].map(axisNumber)).toEqual([
      '0',
      '0.25',
      '1.5',
      '12.3',
      '141',
    ]);
  });
});

describe('chartUnit', () => {
  it('switches to the larger unit at one core or one GiB', () => {
    expect(chartUnit('cpu', 999)).toEqual({ scale: 1, unit: 'millicores' });
    expect(chartUnit('cpu', 1000)).toEqual({ scale: 1000, unit: 'cores' });
    expect(chartUnit('memory', 512 * 1024 ** 2).unit).toBe('MiB');
    expect(chartUnit('memory', 2 * 1024 ** 3).unit).toBe('GiB');
  });

  it('finds the largest known value including references', () => {
    expect(
      maxValue(
        [
          [
            [1, 5],
            [2, null],
          ],
          [[1, 7]],
        ],
        [3, null],
      ),
    ).toBe(7);
    expect(maxValue([[[1, 5]]], [90])).toBe(90);
    expect(maxValue([])).toBe(0);
  });
});

describe('timeTicks', () => {
  it('places few ticks on whole minutes', () => {
    const from = Date.UTC(2025, 0, 1, 12, 0, 30);
    expect(timeTicks(from, from + 5 * 60_000).map((t) => new Date(t).getUTCMinutes())).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(timeTicks(from, from + 15 * 60_000)).toHaveLength(3);
    expect(timeTicks(from, from + 60 * 60_000).length).toBeLessThanOrEqual(6);
  });
});
