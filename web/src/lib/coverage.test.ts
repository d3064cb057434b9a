import { describe, expect, it } from 'vitest';
import { partialCount, partialPoints } from './coverage';

describe('partial history points', () => {
  const coverage: [number, number | null, number | null][] = [
    [1, 60, 60],
    [2, 55, 60],
    [3, null, null],
    [4, 58, 60],
  ];

  it('keeps the value only where fewer nodes reported', () => {
    expect(
      partialPoints(
        [
          [1, 10],
          [2, 9],
          [3, null],
          [4, 9.5],
        ],
        coverage,
      ),
    ).toEqual([
      [1, null],
      [2, 9],
      [3, null],
      [4, 9.5],
    ]);
  });

  it('counts partial points and finds the fewest nodes', () => {
    expect(partialCount(coverage)).toEqual({ count: 2, fewest: [2, 55, 60] });
  });
});
