import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValueTable } from './valueTable.js';

/**
 * The packed table against a plain model (row → value per slot) under random operations as
 * the ring and the series index issue them: ticks that reuse slots, values of every kind
 * (narrow, needing widening, non-integer, gaps), rows freed and reused, resizes.
 */

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLUMNS = [
  { encoding: 'u16', quantum: 1 },
  { encoding: 'u32', quantum: 1024 },
] as const;

function value(rnd: () => number, column: number, prev: number): number | null {
  const r = rnd();
  if (r < 0.1) return null;
  if (r < 0.13) return column === 0 ? 70_000 + Math.floor(rnd() * 1e6) : 5 * 2 ** 42; // widen
  if (r < 0.15) return column === 0 ? 2.5 : 1000; // float64
  const q = Math.max(0, Math.round(prev / (column === 0 ? 1 : 1024) + (rnd() - 0.5) * 50));
  return column === 0 ? q : q * 1024;
}

function run(seed: number, blockSlots: number, startSlots: number): void {
  const rnd = random(seed);
  let slots = startSlots;
  const t = new ValueTable(slots, COLUMNS, blockSlots);
  /** model[column].get(row)[slot] */
  let model = COLUMNS.map(() => new Map<number, (number | null)[]>());
  let seq = -1;
  const tick = () => {
    seq++;
    const slot = seq % slots;
    t.clearSlot(slot);
    for (const m of model) for (const v of m.values()) v[slot] = null;
    return slot;
  };
  for (let step = 0; step < 400; step++) {
    const slot = tick();
    // Churn: free and allocate a few rows.
    const rows = [...model[0]!.keys()];
    if (rows.length > 0 && rnd() < 0.3) {
      const row = rows[Math.floor(rnd() * rows.length)]!;
      t.free(row);
      for (const m of model) m.delete(row);
    }
    while (model[0]!.size < 40 && rnd() < 0.7) {
      const row = t.alloc();
      for (const m of model) m.set(row, new Array<number | null>(slots).fill(null));
    }
    for (const [col, m] of model.entries()) {
      for (const [row, values] of m) {
        const prev = values[(slot - 1 + slots) % slots] ?? 500 * (col === 0 ? 1 : 1024);
        const v = value(rnd, col, prev);
        t.set(col, row, slot, v);
        values[slot] = v;
      }
    }
    if (rnd() < 0.02) {
      // Resize keeping the newest ticks, as the ring does.
      const next = 3 + Math.floor(rnd() * 20);
      const source = new Int32Array(next).fill(-1);
      const held = Math.min(seq + 1, slots);
      const keepFrom = Math.max(seq + 1 - held, seq + 1 - next);
      for (let s = keepFrom; s <= seq; s++) source[s % next] = s % slots;
      t.resize(next, source);
      model = model.map(
        (m) =>
          new Map(
            [...m].map(([row, v]) => [
              row,
              [...source].map((from) => (from < 0 ? null : v[from]!)),
            ]),
          ),
      );
      slots = next;
    }
    // Every stored value reads back exactly.
    for (const [col, m] of model.entries()) {
      for (const [row, values] of m) {
        for (let s = 0; s < slots; s++) {
          const got = t.get(col, row, s);
          if (got !== values[s]) {
            throw new Error(`step ${step} col ${col} row ${row} slot ${s}: ${got} ≠ ${values[s]}`);
          }
        }
      }
    }
  }
}

describe('ValueTable against a plain model', () => {
  it('reads back every value and gap exactly under random ticks, churn, widening and resizes', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 3, max: 17 }),
        (seed, blockSlots, slots) => run(seed, blockSlots, slots),
      ),
      { numRuns: 25 },
    );
  });

  it('packs a realistic hour to well under the 6 bytes per series-tick of raw u16 + u32', () => {
    const t = new ValueTable(240, COLUMNS);
    const rows = Array.from({ length: 320 }, () => t.alloc());
    const rnd = random(7);
    for (let seq = 0; seq < 480; seq++) {
      const slot = seq % 240;
      t.clearSlot(slot);
      for (const row of rows) {
        t.set(0, row, slot, 50 + Math.floor(rnd() * 30)); // millicores, jittering
        t.set(1, row, slot, (200_000 + row + (rnd() < 0.25 ? Math.floor(rnd() * 64) : 0)) * 1024);
      }
    }
    // About one byte per packed value (one-byte varint moves), plus the open block's 16 raw
    // ticks (0.4 byte per series-tick) and the packed arrays' slack.
    const perSeriesTick = t.bytes / (rows.length * 240);
    expect(perSeriesTick).toBeLessThan(3);
    expect(t.get(1, rows[3]!, 10)! % 1024).toBe(0);
  });
});
