import { describe, expect, it } from 'vitest';
import { planHeatmap, rowsNeeded } from './heatPlan';

// Digits are about 0.64 em wide in the wall screen's sans-serif.
const digits = (n: number) => 0.64 * n;
const box = { width: 1240, height: 600, minFont: 27, maxFont: 43, gap: 3 };

describe('planHeatmap', () => {
  it('names 150 three-digit nodes at no less than the minimum font', () => {
    const plan = planHeatmap({ nameEm: Array(150).fill(digits(3)), percentEm: 2.3 }, box, 4);
    expect(plan.kind).toBe('named');
    expect(plan.font).toBeGreaterThanOrEqual(27);
    const rows = Math.ceil(150 / plan.cols);
    expect(rows * (plan.cellH + 3) - 3).toBeLessThanOrEqual(600);
  });

  it('uses a bigger font when there is room', () => {
    const plan = planHeatmap({ nameEm: Array(12).fill(digits(3)), percentEm: digits(3) }, box, 1);
    expect(plan).toMatchObject({ kind: 'named', font: 43 });
  });

  it('lets a long name span several columns', () => {
    const names = [...Array(20).fill(digits(3)), digits(15)];
    const plan = planHeatmap({ nameEm: names, percentEm: digits(3) }, box, 2);
    expect(plan.spans.slice(0, 20).every((s) => s === 1)).toBe(true);
    expect(plan.spans[20]).toBeGreaterThan(1);
    expect(plan.spans[20]! * (plan.cellW + 3) - 3).toBeGreaterThanOrEqual(digits(15) * plan.font);
  });

  it('groups 400 nodes, with room in each group for its hottest', () => {
    const plan = planHeatmap({ nameEm: Array(400).fill(digits(3)), percentEm: 2.3 }, box, 4);
    expect(plan.kind).toBe('grouped');
    expect(plan.font).toBe(27);
    if (plan.kind !== 'grouped') return;
    expect(plan.rowsPerGroup).toBeGreaterThanOrEqual(1);
    const used = 4 * (plan.headerH + plan.rowsPerGroup * (plan.cellH + 3));
    expect(used).toBeLessThanOrEqual(600 + 3);
    expect(plan.groupsShown).toBe(4);
  });

  it('gives every group a row while they fit, then the rest share a "+N more" row', () => {
    const text = { nameEm: Array(400).fill(digits(3)), percentEm: 2.3 };
    // Rows of the two heading lines (54 px at 27 px) and a 3 px gap: 5 fit 285 px.
    const short = { ...box, height: 285 };
    const five = planHeatmap(text, short, 5);
    expect(five).toMatchObject({ kind: 'grouped', rowsPerGroup: 0, groupsShown: 5 });
    const eight = planHeatmap(text, short, 8);
    expect(eight).toMatchObject({ kind: 'grouped', rowsPerGroup: 0, groupsShown: 4 });
    if (eight.kind !== 'grouped') return;
    expect(5 * (eight.headerH + 3) - 3).toBeLessThanOrEqual(285);
  });
});

describe('rowsNeeded', () => {
  it('packs wide tiles with narrow ones', () => {
    expect(rowsNeeded([1, 1, 1, 1], 2)).toBe(2);
    expect(rowsNeeded([3, 1, 1, 1, 2], 4)).toBe(2);
    expect(rowsNeeded([], 4)).toBe(0);
  });

  it('counts the rows of placing the tiles one by one, widest first, in the first row with room', () => {
    const oneByOne = (spans: number[], cols: number) => {
      const free: number[] = [];
      for (const s of [...spans].sort((a, b) => b - a)) {
        const row = free.findIndex((f) => f >= s);
        if (row >= 0) free[row]! -= s;
        else free.push(cols - s);
      }
      return free.length;
    };
    let seed = 12;
    // The high bits of a 32-bit LCG (its low bits repeat with short periods).
    const next = (n: number) =>
      Math.floor(((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32) * n);
    for (let run = 0; run < 300; run++) {
      const cols = 1 + next(9);
      const spans = Array.from({ length: next(60) }, () => 1 + next(Math.min(cols, 4)));
      expect(rowsNeeded(spans, cols), `${cols} cols: ${spans.join(',')}`).toBe(
        oneByOne(spans, cols),
      );
    }
  });
});
