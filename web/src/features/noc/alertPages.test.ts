import { describe, expect, it } from 'vitest';
import { alertPages } from './alertPages';

describe('alertPages', () => {
  it('puts as many whole alerts on a page as fit, gaps counted', () => {
    // 40 + 8 + 40 = 88 fits 100; a third (+ 8 + 40) does not.
    expect(alertPages([40, 40, 40, 40, 40], 100, 8, 50)).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
  });

  it('uses the estimate for alerts not measured yet', () => {
    expect(alertPages([30, undefined, 30], 100, 0, 60)).toEqual([
      [0, 2],
      [2, 3],
    ]);
  });

  it('gives an alert taller than the panel a page of its own', () => {
    expect(alertPages([20, 150, 20], 100, 0, 10)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('has one empty page without alerts', () => {
    expect(alertPages([], 100, 0, 10)).toEqual([[0, 0]]);
  });
});
