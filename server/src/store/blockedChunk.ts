import {
  ByteWriter,
  decodeFloats,
  decodeInts,
  encodeFloats,
  encodeInts,
  integral,
} from './blockCodec.js';
import {
  createChunk,
  encodingOf,
  gapOf,
  readValue,
  widen,
  widestNeeded,
  writeValue,
  type Chunk,
  type Encoding,
} from './encoding.js';

const ROWS = 32;
/** Packed block modes: narrow integers (× quantum), raw float64, float64 holding integers. */
const INT = 0;
const FLOAT = 1;
const WHOLE = 2;

/** How a table's slots split into blocks: block `k` holds local slots `[k*size, (k+1)*size)`. */
export interface BlockGeometry {
  slots: number;
  /** Slots per block (the last block may be shorter). */
  size: number;
  blocks: number;
}

export function geometry(slots: number, size: number): BlockGeometry {
  const s = Math.min(size, slots);
  return { slots, size: s, blocks: Math.ceil(slots / s) };
}

/** Slots in block `k`. */
export function blockLength(g: BlockGeometry, k: number): number {
  return Math.min(g.size, g.slots - k * g.size);
}

/** The block being closed, encoded before the open array is reused. */
const closed = new ByteWriter();
/**
 * The last few chunks whose closed blocks were decoded for reading: a query reads a row's
 * CPU and memory columns point by point, and an export row after row.
 */
const cache: { owner: BlockedChunk; version: number; values: Float64Array }[] = [];
const CACHED = 4;

/**
 * One value column of 32 rows over every slot of the ring. The block being written (the
 * "open" block) is a plain typed array, widened when a value does not fit, as before; every
 * other block is closed: varint/delta bytes (see `blockCodec.ts`), all packed in one byte
 * array. Moving to another block packs the open one and opens the next without unpacking it:
 * the ring overwrites a block one tick at a time, in order, so the open block's first `fresh`
 * slots are read from the plain array and the rest, ticks not overwritten yet, still from its
 * packed bytes (unpacked only when something writes out of that order: imports, resizes).
 *
 * A row handed to a new series must not show its previous owner's closed values: `valid`
 * holds, per block, the rows whose bytes belong to their current owner.
 */
export class BlockedChunk {
  raw: Chunk;
  open: number;
  /** Slots `[0, fresh)` of the open block live in `raw`; the rest in its old packed bytes. */
  private fresh: number;
  private packed = new Uint8Array(0);
  /** Byte end of each block in `packed` (start is the previous block's end); 0-length: empty. */
  /**
   * Per block, in one array (each typed array costs ~200 bytes of headers, per chunk):
   * `[b]` the byte end of block b in `packed` (its start is the previous block's end; equal:
   * empty), `[blocks + b]` the rows whose packed bytes belong to their current owner,
   * `[2 * blocks + b]` how the block is packed.
   */
  private readonly meta: Uint32Array;
  /** Changes whenever closed bytes change, invalidating the read cache. */
  private version = 0;

  constructor(
    private readonly g: BlockGeometry,
    private readonly base: Encoding,
    private readonly quantum: number,
    open: number,
  ) {
    this.raw = createChunk(base, g.size * ROWS);
    this.open = open;
    this.fresh = g.size;
    this.meta = new Uint32Array(3 * g.blocks);
  }

  /** Bytes held: open block, closed bytes and bookkeeping. */
  get bytes(): number {
    return this.raw.byteLength + this.packed.byteLength + this.meta.byteLength;
  }

  get(row: number, k: number, off: number): number | null {
    if (k === this.open && off < this.fresh) {
      return readValue(this.raw, off * ROWS + row, this.quantum);
    }
    if ((this.meta[this.g.blocks + k]! & (1 << row)) === 0) return null;
    const v = this.decoded()[k * this.g.size * ROWS + off * ROWS + row]!;
    return Number.isNaN(v) ? null : v;
  }

  /** Stores into block `k` (switching to it if needed), widening the open block if needed. */
  set(row: number, k: number, off: number, value: number | null, live: number): void {
    if (k !== this.open) this.switchTo(k, live);
    if (off >= this.fresh) this.unpack();
    const quantum = this.quantum;
    const raw = this.raw;
    const index = off * ROWS + row;
    if (value === null || !Number.isFinite(value)) {
      raw[index] = gapOf(raw);
      return;
    }
    if (raw instanceof Float64Array) {
      raw[index] = value;
      return;
    }
    const q = value / quantum;
    const max = raw instanceof Uint16Array ? 0xffff : 0xffffffff;
    if (q >= 0 && q < max && Number.isInteger(q)) {
      raw[index] = q;
      return;
    }
    this.raw = widen(raw, widestNeeded(encodingOf(raw), value, quantum), quantum);
    writeValue(this.raw, index, value, quantum);
  }

  /** Makes local slot `off` of block `k` a gap in every row (a new tick starts there). */
  clearSlot(k: number, off: number, live: number): void {
    if (k !== this.open) this.switchTo(k, live);
    if (off === this.fresh) this.fresh++;
    else if (off > this.fresh) this.unpack();
    this.raw.fill(gapOf(this.raw), off * ROWS, off * ROWS + ROWS);
  }

  /** A new series takes `row`: every slot reads as a gap for it. */
  clearRow(row: number): void {
    const gap = gapOf(this.raw);
    for (let off = 0; off < this.g.size; off++) this.raw[off * ROWS + row] = gap;
    const bit = ~(1 << row);
    for (let k = 0; k < this.g.blocks; k++)
      this.meta[this.g.blocks + k] = this.meta[this.g.blocks + k]! & bit;
  }

  /**
   * Packs the open block (rows in `live` keep their values) and opens block `k` with no slot
   * fresh: its packed bytes stay, read until the ring overwrites them.
   */
  private switchTo(k: number, live: number): void {
    const { g } = this;
    const closing = this.open;
    if (this.fresh < blockLength(g, closing)) this.unpack();
    closed.pos = 0;
    if (live !== 0) this.encodeOpen(blockLength(g, closing), closed);
    this.meta[this.g.blocks + closing] = live >>> 0;
    // Only the closing block's bytes change: splice them in, shifting the blocks after it.
    const start = closing === 0 ? 0 : this.meta[closing - 1]!;
    const end = this.meta[closing]!;
    const total = this.meta[g.blocks - 1]!;
    const delta = closed.pos - (end - start);
    const size = total + delta;
    const cap = this.packed.length;
    const bytes = closed.bytes.subarray(0, closed.pos);
    // Sizes barely change from one switch to the next: the array is reused while the bytes
    // fit without wasting more than an eighth (fewer buffers for the GC to chase).
    if (size <= cap && cap - size <= cap >>> 3) {
      this.packed.copyWithin(start + closed.pos, end, total);
      this.packed.set(bytes, start);
    } else {
      const next = new Uint8Array(size + (size >>> 4));
      next.set(this.packed.subarray(0, start));
      next.set(bytes, start);
      next.set(this.packed.subarray(end, total), start + closed.pos);
      this.packed = next;
    }
    for (let b = closing; b < g.blocks; b++) this.meta[b] = this.meta[b]! + delta;
    this.open = k;
    this.fresh = 0;
    if (encodingOf(this.raw) === this.base) this.raw.fill(gapOf(this.raw));
    else this.raw = createChunk(this.base, g.size * ROWS);
    this.version++;
  }

  private encodeOpen(length: number, out: ByteWriter): void {
    const b = this.open;
    if (this.raw instanceof Float64Array && integral(this.raw, length)) {
      this.meta[2 * this.g.blocks + b] = WHOLE;
      encodeInts(this.raw, NaN, length, out);
    } else if (this.raw instanceof Float64Array) {
      this.meta[2 * this.g.blocks + b] = FLOAT;
      encodeFloats(this.raw, length, out);
    } else {
      this.meta[2 * this.g.blocks + b] = INT;
      encodeInts(this.raw, gapOf(this.raw), length, out);
    }
  }

  /**
   * Moves the open block's slots from `fresh` on out of its packed bytes into `raw` (widening
   * as needed), for writes out of the ring's order.
   */
  private unpack(): void {
    const k = this.open;
    const quantum = this.quantum;
    const length = blockLength(this.g, k);
    const from = this.fresh;
    this.fresh = this.g.size;
    const valid = this.meta[this.g.blocks + k]!;
    const start = k === 0 ? 0 : this.meta[k - 1]!;
    if (valid === 0 || this.meta[k] === start || from >= length) return;
    const values = new Float64Array(length * ROWS);
    this.decodeInto(k, start, length, values, 0);
    for (let i = from * ROWS; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isNaN(v) || (valid & (1 << (i % ROWS))) === 0) continue;
      const need = widestNeeded(encodingOf(this.raw), v, quantum);
      if (need !== encodingOf(this.raw)) this.raw = widen(this.raw, need, quantum);
      writeValue(this.raw, i, v, quantum);
    }
  }

  /** Decodes packed block `k` (caller units, NaN gaps) into `values` from element `at`. */
  private decodeInto(k: number, start: number, length: number, values: Float64Array, at: number) {
    const mode = this.meta[2 * this.g.blocks + k];
    if (mode === FLOAT) decodeFloats(this.packed, start, length, values, at);
    else decodeInts(this.packed, start, length, mode === WHOLE ? 1 : this.quantum, values, at);
  }

  /** Every closed block decoded (NaN for gaps, all rows), cached for the last chunk read. */
  private decoded(): Float64Array {
    const hit = cache.find((e) => e.owner === this && e.version === this.version);
    if (hit) return hit.values;
    const { g } = this;
    const values = new Float64Array(g.blocks * g.size * ROWS).fill(NaN);
    for (let k = 0; k < g.blocks; k++) {
      const start = k === 0 ? 0 : this.meta[k - 1]!;
      if (this.meta[k] === start) continue;
      const length = blockLength(g, k);
      const at = k * g.size * ROWS;
      this.decodeInto(k, start, length, values, at);
    }
    if (cache.unshift({ owner: this, version: this.version, values }) > CACHED) cache.pop();
    return values;
  }
}
