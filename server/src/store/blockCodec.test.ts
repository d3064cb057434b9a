import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ByteWriter,
  decodeFloats,
  decodeInts,
  encodeFloats,
  encodeInts,
  integral,
} from './blockCodec.js';

const ROWS = 32;

/** A block of 32 rows × `length` slots, slot-major, each value an integer or a gap (null). */
const block = (max: number, length: number) =>
  fc.array(fc.option(fc.integer({ min: 0, max }), { freq: 4 }), {
    minLength: ROWS * length,
    maxLength: ROWS * length,
  });

function roundTripInts(values: (number | null)[], length: number, u16: boolean, quantum: number) {
  const gap = u16 ? 0xffff : 0xffffffff;
  const raw = u16 ? new Uint16Array(values.length) : new Uint32Array(values.length);
  values.forEach((v, i) => (raw[i] = v ?? gap));
  const out = new ByteWriter();
  out.pos = 3; // a block never starts at byte 0 of the packed bytes but the first
  encodeInts(raw, gap, length, out);
  const into = new Float64Array(values.length + 5);
  decodeInts(out.bytes, 3, length, quantum, into, 5);
  return {
    bytes: out.pos - 3,
    back: [...into.subarray(5)].map((v) => (Number.isNaN(v) ? null : v)),
  };
}

describe('block codec', () => {
  it('round-trips random u16 and u32 blocks exactly, gaps (unknown) staying null, never 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.boolean(), (length, u16) =>
        fc.assert(
          fc.property(block(u16 ? 0xfffe : 0xfffffffe, length), (values) => {
            const quantum = u16 ? 1 : 1024;
            const { back } = roundTripInts(values, length, u16, quantum);
            expect(back).toEqual(values.map((v) => (v === null ? null : v * quantum)));
          }),
          { numRuns: 20 },
        ),
      ),
      { numRuns: 30 },
    );
  });

  it('stores a slowly moving series in about a byte per value', () => {
    const length = 16;
    const values: (number | null)[] = [];
    for (let off = 0; off < length; off++) {
      for (let row = 0; row < ROWS; row++) values.push(100_000 + row * 1000 + (off % 2) * 40);
    }
    values[5 * ROWS + 7] = null;
    const { bytes, back } = roundTripInts(values, length, false, 1);
    expect(back).toEqual(values);
    // First value of each row: 3 bytes; the rest one byte each: moves of ±40, the gap, and
    // the value after it (a move of 0 from the value before the gap).
    expect(bytes).toBe(ROWS * 3 + ROWS * 15);
  });

  it('round-trips float64 blocks of integers (bytes, not whole KiB) as int tokens, exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -(2 ** 48), max: 2 ** 48 }), { freq: 4 }), {
          minLength: ROWS * 4,
          maxLength: ROWS * 4,
        }),
        (values) => {
          const raw = Float64Array.from(values, (v) => v ?? NaN);
          expect(integral(raw, 4)).toBe(true);
          const out = new ByteWriter();
          encodeInts(raw, NaN, 4, out);
          const into = new Float64Array(raw.length);
          decodeInts(out.bytes, 0, 4, 1, into, 0);
          expect([...into].map((v) => (Number.isNaN(v) ? null : v))).toEqual(values);
        },
      ),
      { numRuns: 50 },
    );
    expect(
      integral(
        Float64Array.from({ length: ROWS }, (_, i) => (i === 9 ? 0.5 : i)),
        1,
      ),
    ).toBe(false);
    expect(
      integral(
        Float64Array.from({ length: ROWS }, () => 2 ** 49),
        1,
      ),
    ).toBe(false);
  });

  it('round-trips float64 blocks, NaN gaps included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ noNaN: true }), { freq: 4 }), {
          minLength: ROWS * 3,
          maxLength: ROWS * 3,
        }),
        (values) => {
          const raw = Float64Array.from(values, (v) => v ?? NaN);
          const out = new ByteWriter();
          encodeFloats(raw, 3, out);
          const into = new Float64Array(raw.length);
          decodeFloats(out.bytes, 0, 3, into, 0);
          expect([...into].map((v) => (Number.isNaN(v) ? null : v))).toEqual(values);
        },
      ),
      { numRuns: 50 },
    );
  });
});
