/**
 * Element encodings for value chunks. A chunk starts in the narrowest encoding its column asks
 * for and is widened (copied once) the first time a value does not fit, so storage is exact for
 * every input while the common case stays at 2 or 4 bytes per value.
 *
 * Narrow encodings store `value / quantum` as an unsigned integer; the all-ones pattern is the
 * gap sentinel. `f64` stores the raw value and uses NaN as the gap.
 */

/** `u16` and `u32` hold `value / quantum` exactly; `f64` holds any finite value. */
export type Encoding = 'u16' | 'u32' | 'f64';

/** One block of a value column. */
export type Chunk = Uint16Array | Uint32Array | Float64Array;

const U16_GAP = 0xffff;
const U32_GAP = 0xffffffff;

/** Allocates a chunk of `length` gaps. */
export function createChunk(encoding: Encoding, length: number): Chunk {
  switch (encoding) {
    case 'u16':
      return new Uint16Array(length).fill(U16_GAP);
    case 'u32':
      return new Uint32Array(length).fill(U32_GAP);
    case 'f64':
      return new Float64Array(length).fill(NaN);
  }
}

/** The encoding a chunk was created with. */
export function encodingOf(chunk: Chunk): Encoding {
  if (chunk instanceof Uint16Array) return 'u16';
  if (chunk instanceof Uint32Array) return 'u32';
  return 'f64';
}

/** The gap sentinel of a chunk's encoding. */
export function gapOf(chunk: Chunk): number {
  if (chunk instanceof Uint16Array) return U16_GAP;
  if (chunk instanceof Uint32Array) return U32_GAP;
  return NaN;
}

/** Whether `value` (finite) is stored exactly by `encoding`; the sentinel itself never fits. */
export function fits(encoding: Encoding, value: number, quantum: number): boolean {
  if (encoding === 'f64') return true;
  const q = value / quantum;
  return Number.isInteger(q) && q >= 0 && q < (encoding === 'u16' ? U16_GAP : U32_GAP);
}

/** The narrowest encoding at least as wide as `from` that stores `value` exactly. */
export function widestNeeded(from: Encoding, value: number, quantum: number): Encoding {
  if (from === 'u16' && fits('u16', value, quantum)) return 'u16';
  if (from !== 'f64' && fits('u32', value, quantum)) return 'u32';
  return 'f64';
}

/** Stores `value` (which must fit the chunk's encoding) or a gap for `null`/non-finite. */
export function writeValue(chunk: Chunk, index: number, value: number | null, quantum: number) {
  if (value === null || !Number.isFinite(value)) chunk[index] = gapOf(chunk);
  else chunk[index] = chunk instanceof Float64Array ? value : value / quantum;
}

/** Reads one value back in the caller's unit; gaps are `null`, never 0. */
export function readValue(chunk: Chunk, index: number, quantum: number): number | null {
  const raw = chunk[index]!;
  if (chunk instanceof Float64Array) return Number.isNaN(raw) ? null : raw;
  if (raw === gapOf(chunk)) return null;
  return raw * quantum;
}

/** Copies a chunk into a wider encoding, keeping values exact and gaps gaps. */
export function widen(chunk: Chunk, to: Encoding, quantum: number): Chunk {
  const wider = createChunk(to, chunk.length);
  for (let i = 0; i < chunk.length; i++) {
    const value = readValue(chunk, i, quantum);
    if (value !== null) writeValue(wider, i, value, quantum);
  }
  return wider;
}
