import { describe, expect, it } from 'vitest';
import type { Point } from '@kubeglance/shared/api';
import { heaviest, stackSeries, sumSeries } from './podStack';

const pts = (...v: (number | null)[]): Point[] => v.map((x, i) => [i * 1000, x]);

describe('podStack', () => {
  it('picks the heaviest known pods, ties by name', () => {
    const pods = [
      { name: 'b', cpu: 5, memory: null },
      { name: 'a', cpu: 5, memory: 1 },
      { name: 'c', cpu: null, memory: 9 },
    ];
    expect(heaviest(pods, 'cpu')).toEqual(['a', 'b']);
    expect(heaviest(pods, 'memory')).toEqual(['c', 'a']);
  });

  it('sums series; unknown only where every one is unknown', () => {
    expect(sumSeries([pts(1, null, null), pts(2, 3, null)])).toEqual(pts(3, 3, null));
  });

  it('a pod has the same colour and key in both charts, whatever its rank', () => {
    const points = new Map([
      ['x', pts(1)],
      ['y', pts(2)],
    ]);
    const page = ['x', 'y'];
    const cpu = stackSeries({ top: ['x', 'y'], page, points, other: null, otherLabel: '' });
    const mem = stackSeries({ top: ['y', 'x'], page, points, other: null, otherLabel: '' });
    const colour = (s: typeof cpu, n: string) => s.find((x) => x.label === n)?.color;
    expect(colour(cpu, 'x')).toBe(colour(mem, 'x'));
    expect(colour(cpu, 'y')).toBe(colour(mem, 'y'));
    expect(colour(cpu, 'x')).not.toBe(colour(cpu, 'y'));
  });

  it('"other" is the total minus the top pods, drawn aside; or the sum of the rest', () => {
    const points = new Map([
      ['x', pts(1, 2)],
      ['r1', pts(3, null)],
      ['r2', pts(4, null)],
    ]);
    const base = { top: ['x'], page: ['x'], points, otherLabel: 'other' };
    const fromTotal = stackSeries({ ...base, other: { total: pts(10, 20) } });
    expect(fromTotal.at(-1)).toMatchObject({ aside: true, points: pts(9, 18) });
    const fromRest = stackSeries({ ...base, other: { rest: ['r1', 'r2'] } });
    expect(fromRest.at(-1)?.points).toEqual(pts(7, null));
  });
});
