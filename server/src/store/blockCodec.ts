import type { Chunk } from './encoding.js';

/**
 * Byte encoding of one closed block of a value chunk (32 rows × up to `length` ticks).
 *
 * Integer chunks (`u16`/`u32`, stored as `value / quantum`) are written row by row, each value as
 * a varint token: 0 for a gap, otherwise zigzag(value − previous value in the row) + 1. A value
 * that did not change costs one byte, a small move one or two, and any 33-bit jump at most
 * five, so the round trip is exact for everything a narrow chunk can hold. `f64` chunks (values
 * that needed widening) whose values are all integers (e.g. memory in bytes that are not whole
 * KiB) take the same tokens; any other `f64` block is copied as it is, 8 bytes a value.
 */

const ROWS = 32;

/** A growable byte buffer, reused between blocks. */
export class ByteWriter {
  bytes = new Uint8Array(4096);
  pos = 0;

  reserve(n: number): void {
    if (this.pos + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.pos + n));
    next.set(this.bytes.subarray(0, this.pos));
    this.bytes = next;
  }

  varint(n: number): void {
    if (n < 0x80) {
      this.bytes[this.pos++] = n;
      return;
    }
    const { bytes } = this;
    let pos = this.pos;
    while (n >= 0x80) {
      bytes[pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    bytes[pos++] = n;
    this.pos = pos;
  }
}

/** Integers this far from 0 keep their zigzag deltas exact in a double (< 2^53). */
const SAFE = 2 ** 48;

/** Whether every value of a float64 block is a gap or an integer the int tokens hold exactly. */
export function integral(raw: Float64Array, length: number): boolean {
  for (let i = 0; i < ROWS * length; i++) {
    const v = raw[i]!;
    if (v === v && !(Number.isInteger(v) && v <= SAFE && v >= -SAFE)) return false;
  }
  return true;
}

/**
 * Appends the block's integer tokens; `raw` is slot-major (`offset * 32 + row`), `gap` its gap
 * sentinel (NaN for float64 blocks, which must be {@link integral}).
 */
export function encodeInts(raw: Chunk, gap: number, length: number, out: ByteWriter): void {
  out.reserve(ROWS * length * 5);
  for (let row = 0; row < ROWS; row++) {
    let prev = 0;
    for (let off = 0; off < length; off++) {
      const v = raw[off * ROWS + row]!;
      if (v === gap || v !== v) {
        out.bytes[out.pos++] = 0;
        continue;
      }
      const d = v - prev;
      prev = v;
      out.varint((d >= 0 ? 2 * d : -2 * d - 1) + 1);
    }
  }
}

/** Appends the block's values as raw little-endian float64 (NaN is a gap). */
export function encodeFloats(raw: Float64Array, length: number, out: ByteWriter): void {
  out.reserve(ROWS * length * 8);
  const view = new DataView(out.bytes.buffer);
  for (let i = 0; i < ROWS * length; i++) {
    view.setFloat64(out.pos, raw[i]!, true);
    out.pos += 8;
  }
}

/**
 * Decodes a block written by {@link encodeInts} into `into` (slot-major, caller units, NaN for
 * gaps), starting at element `base`.
 */
export function decodeInts(
  data: Uint8Array,
  start: number,
  length: number,
  quantum: number,
  into: Float64Array,
  base: number,
): void {
  let pos = start;
  for (let row = 0; row < ROWS; row++) {
    let prev = 0;
    for (let off = 0; off < length; off++) {
      let token = 0;
      let scale = 1;
      let b: number;
      do {
        b = data[pos++]!;
        token += (b & 0x7f) * scale;
        scale *= 0x80;
      } while (b & 0x80);
      const at = base + off * ROWS + row;
      if (token === 0) {
        into[at] = NaN;
        continue;
      }
      const z = token - 1;
      prev += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      into[at] = prev * quantum;
    }
  }
}

/** Decodes a block written by {@link encodeFloats}. */
export function decodeFloats(
  data: Uint8Array,
  start: number,
  length: number,
  into: Float64Array,
  base: number,
): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < ROWS * length; i++) into[base + i] = view.getFloat64(start + i * 8, true);
}
