import { describe, expect, it } from 'vitest';
import { fitTiles } from './tileLayout';

describe('fitTiles', () => {
  it('fits few nodes as big tiles', () => {
    expect(fitTiles(3, 600, 200, 0)).toEqual({ cols: 3, rows: 1, size: 200 });
  });

  it('always fits inside the box, including gaps', () => {
    for (const n of [1, 7, 50, 120, 500, 1000]) {
      const { cols, rows, size } = fitTiles(n, 900, 500, 4);
      expect(cols * rows).toBeGreaterThanOrEqual(n);
      expect(cols * size + (cols - 1) * 4).toBeLessThanOrEqual(900);
      expect(rows * size + (rows - 1) * 4).toBeLessThanOrEqual(500);
      expect(size).toBeGreaterThan(0);
    }
  });

  it('shrinks tiles as nodes are added', () => {
    expect(fitTiles(500, 900, 500).size).toBeLessThan(fitTiles(50, 900, 500).size);
  });

  it('handles empty input', () => {
    expect(fitTiles(0, 100, 100)).toEqual({ cols: 0, rows: 0, size: 0 });
    expect(fitTiles(5, 0, 100).size).toBe(0);
  });
});
