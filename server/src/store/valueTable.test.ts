import { describe, expect, it } from 'vitest';
import { ValueTable } from './valueTable.js';

const CPU = 0;
const MEM = 1;
const workloadColumns = [
  { encoding: 'u16', quantum: 1 },
  { encoding: 'u32', quantum: 1024 },
] as const;

describe('ValueTable', () => {
  it('reads a fresh row as gaps (null), never 0', () => {
    const t = new ValueTable(8, [{ encoding: 'u32' }]);
    const row = t.alloc();
    for (let s = 0; s < 8; s++) expect(t.get(0, row, s)).toBeNull();
  });

  it('round-trips millicores and KiB-multiple bytes exactly in the narrow tiers', () => {
    const t = new ValueTable(4, workloadColumns);
    const row = t.alloc();
    t.set(CPU, row, 0, 0);
    t.set(CPU, row, 1, 65_534);
    t.set(MEM, row, 0, 801_480 * 1024);
    t.set(MEM, row, 1, 0);
    expect(t.get(CPU, row, 0)).toBe(0);
    expect(t.get(CPU, row, 1)).toBe(65_534);
    expect(t.get(MEM, row, 0)).toBe(820_715_520);
    expect(t.get(MEM, row, 1)).toBe(0);
    // Still narrow: 32 rows × 4 slots × (2 + 4) bytes, plus per column 12 bytes of block
    // bookkeeping (one block: its end, valid rows and mode).
    expect(t.bytes).toBe(32 * 4 * 6 + 2 * 12);
  });

  it('widens a chunk when a value does not fit, keeping every stored value and gap', () => {
    const t = new ValueTable(4, workloadColumns);
    const a = t.alloc();
    const b = t.alloc();
    t.set(CPU, a, 0, 1234);
    t.set(CPU, b, 1, 65_535); // the u16 sentinel itself: needs u32
    expect(t.get(CPU, a, 0)).toBe(1234);
    expect(t.get(CPU, a, 1)).toBeNull();
    expect(t.get(CPU, b, 1)).toBe(65_535);
    t.set(MEM, a, 2, 1000); // not a whole KiB: float64
    t.set(MEM, b, 2, 5 * 2 ** 42); // 20 TiB, beyond uint32 KiB
    expect(t.get(MEM, a, 2)).toBe(1000);
    expect(t.get(MEM, b, 2)).toBe(5 * 2 ** 42);
    expect(t.get(MEM, a, 3)).toBeNull();
    t.set(CPU, a, 3, 2.5);
    expect(t.get(CPU, a, 3)).toBe(2.5);
  });

  it('stores null and non-finite values as gaps', () => {
    const t = new ValueTable(2, [{ encoding: 'f64' }]);
    const row = t.alloc();
    t.set(0, row, 0, 7);
    t.set(0, row, 0, null);
    t.set(0, row, 1, Number.NaN);
    expect(t.get(0, row, 0)).toBeNull();
    expect(t.get(0, row, 1)).toBeNull();
  });

  it('clears one slot in every row', () => {
    const t = new ValueTable(3, workloadColumns);
    const rows = Array.from({ length: 40 }, () => t.alloc());
    for (const r of rows) for (let s = 0; s < 3; s++) t.set(CPU, r, s, r + s);
    t.clearSlot(1);
    for (const r of rows) {
      expect(t.get(CPU, r, 0)).toBe(r);
      expect(t.get(CPU, r, 1)).toBeNull();
      expect(t.get(CPU, r, 2)).toBe(r + 2);
    }
  });

  it('allocates chunks lazily, reuses the lowest free row and releases empty chunks', () => {
    const t = new ValueTable(10, [{ encoding: 'u16' }]);
    expect(t.bytes).toBe(0);
    const rows = Array.from({ length: 33 }, () => t.alloc());
    expect(rows).toEqual(Array.from({ length: 33 }, (_, i) => i));
    expect(t.bytes).toBe(2 * (32 * 10 * 2 + 12));
    t.set(0, 5, 3, 42);
    t.free(5);
    expect(t.alloc()).toBe(5);
    expect(t.get(0, 5, 3)).toBeNull(); // a reused row starts as gaps
    t.free(32);
    expect(t.bytes).toBe(32 * 10 * 2 + 12);
    expect(t.rows).toBe(32);
    expect(() => t.free(32)).toThrow(/not allocated/);
  });

  it('re-lays slots on resize', () => {
    const t = new ValueTable(3, [{ encoding: 'u32' }]);
    const row = t.alloc();
    for (let s = 0; s < 3; s++) t.set(0, row, s, 10 + s);
    t.resize(5, Int32Array.from([2, -1, 0, 1, -1]));
    expect([0, 1, 2, 3, 4].map((s) => t.get(0, row, s))).toEqual([12, null, 10, 11, null]);
    expect(t.slots).toBe(5);
  });
});
