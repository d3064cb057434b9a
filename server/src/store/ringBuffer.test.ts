import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ringBuffer.js';
import { ValueTable } from './valueTable.js';

function ringWithTable(capacity: number) {
  const table = new ValueTable(capacity, [{ encoding: 'u16' }]);
  return { ring: new RingBuffer(capacity, [table]), table };
}

describe('RingBuffer', () => {
  it('holds at most `capacity` ticks and wraps around, oldest first out', () => {
    const { ring, table } = ringWithTable(3);
    const row = table.alloc();
    for (let i = 0; i < 5; i++) {
      const seq = ring.push(1000 * i);
      table.set(0, row, ring.slotOf(seq), i);
    }
    expect(ring.size).toBe(3);
    expect([ring.oldestSeq, ring.newestSeq]).toEqual([2, 4]);
    expect([2, 3, 4].map((seq) => ring.timeOf(seq))).toEqual([2000, 3000, 4000]);
    expect([2, 3, 4].map((seq) => table.get(0, row, ring.slotOf(seq)))).toEqual([2, 3, 4]);
  });

  it('turns the reused slot into a gap for series without a value in the new tick', () => {
    const { ring, table } = ringWithTable(2);
    const row = table.alloc();
    table.set(0, row, ring.slotOf(ring.push(0)), 7);
    ring.push(1);
    const seq = ring.push(2); // reuses the slot that held 7
    expect(table.get(0, row, ring.slotOf(seq))).toBeNull();
  });

  it('finds the first tick after a time by binary search', () => {
    const { ring } = ringWithTable(4);
    for (const t of [10, 20, 30, 40, 50, 60]) ring.push(t);
    expect(ring.firstSeqAfter(0)).toBe(2); // oldest held
    expect(ring.firstSeqAfter(35)).toBe(3);
    expect(ring.firstSeqAfter(40)).toBe(4);
    expect(ring.firstSeqAfter(60)).toBe(6); // none
  });

  it('keeps every tick when grown and the newest ones when shrunk', () => {
    const { ring, table } = ringWithTable(4);
    const row = table.alloc();
    for (let i = 0; i < 6; i++) table.set(0, row, ring.slotOf(ring.push(i * 10)), i);
    ring.resize(8);
    expect(ring.size).toBe(4);
    expect(ring.oldestSeq).toBe(2);
    const read = () =>
      Array.from({ length: ring.size }, (_, k) => {
        const seq = ring.oldestSeq + k;
        return [ring.timeOf(seq), table.get(0, row, ring.slotOf(seq))];
      });
    expect(read()).toEqual([
      [20, 2],
      [30, 3],
      [40, 4],
      [50, 5],
    ]);
    table.set(0, row, ring.slotOf(ring.push(60)), 6);
    expect(ring.size).toBe(5);
    ring.resize(2);
    expect(read()).toEqual([
      [50, 5],
      [60, 6],
    ]);
  });

  it('writes the next tick in a spare slot, published only by commit', () => {
    const { ring, table } = ringWithTable(2);
    const row = table.alloc();
    for (const i of [1, 2]) table.set(0, row, ring.slotOf(ring.push(i * 10)), i);
    const seq = ring.begin(30);
    for (const step of ring.clearPending(1)) void step;
    table.set(0, row, ring.slotOf(seq), 3);
    // Not published: both held ticks still read as they were, the oldest included.
    expect([ring.oldestSeq, ring.newestSeq]).toEqual([0, 1]);
    expect([0, 1].map((s) => [ring.timeOf(s), table.get(0, row, ring.slotOf(s))])).toEqual([
      [10, 1],
      [20, 2],
    ]);
    expect(() => ring.begin(40)).toThrow(/already being written/);
    expect(() => ring.resize(4)).toThrow(/being written/);
    ring.commit();
    expect([ring.oldestSeq, ring.newestSeq, ring.size]).toEqual([1, 2, 2]);
    expect([1, 2].map((s) => table.get(0, row, ring.slotOf(s)))).toEqual([2, 3]);
    expect(() => ring.commit()).toThrow(/no tick/);
  });

  it('rejects a non-positive capacity', () => {
    expect(() => new RingBuffer(0)).toThrow();
    expect(() => new RingBuffer(2.5)).toThrow();
  });
});
