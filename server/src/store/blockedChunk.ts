import {
  ByteWriter,
  decodeFloats,
  decodeInts,
  decodeIntsInto,
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

const scratch = new ByteWriter();
/** The block being closed, encoded before the open array is reused. */
const closed = new ByteWriter();
let oldEnds = new Uint32Array(16);
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
 * array. Moving to another block closes the open one and reopens (decodes) the new one, so
 * ticks still held in it stay readable until the ring overwrites them one by one.
 *
 * A row handed to a new series must not show its previous owner's closed values: `valid`
 * holds, per block, the rows whose bytes belong to their current owner.
 */
export class BlockedChunk {
  raw: Chunk;
  open: number;
  private packed = new Uint8Array(0);
  /** Byte end of each block in `packed` (start is the previous block's end); 0-length: empty. */
  private readonly ends: Uint32Array;
  private readonly modes: Uint8Array;
  private readonly valid: Uint32Array;
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
    this.ends = new Uint32Array(g.blocks);
    this.modes = new Uint8Array(g.blocks);
    this.valid = new Uint32Array(g.blocks);
  }

  /** Bytes held: open block, closed bytes and bookkeeping. */
  get bytes(): number {
    return (
      this.raw.byteLength +
      this.packed.byteLength +
      this.ends.byteLength +
      this.modes.byteLength +
      this.valid.byteLength
    );
  }

  get(row: number, k: number, off: number): number | null {
    if (k === this.open) return readValue(this.raw, off * ROWS + row, this.quantum);
    if ((this.valid[k]! & (1 << row)) === 0) return null;
    const v = this.decoded()[k * this.g.size * ROWS + off * ROWS + row]!;
    return Number.isNaN(v) ? null : v;
  }

  /** Stores into block `k` (switching to it if needed), widening the open block if needed. */
  set(row: number, k: number, off: number, value: number | null, live: number): void {
    if (k !== this.open) this.switchTo(k, live);
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
    this.raw.fill(gapOf(this.raw), off * ROWS, off * ROWS + ROWS);
  }

  /** A new series takes `row`: every slot reads as a gap for it. */
  clearRow(row: number): void {
    const gap = gapOf(this.raw);
    for (let off = 0; off < this.g.size; off++) this.raw[off * ROWS + row] = gap;
    const bit = ~(1 << row);
    for (let k = 0; k < this.g.blocks; k++) this.valid[k] = this.valid[k]! & bit;
  }

  /** Closes the open block (rows in `live` keep their values) and reopens block `k`. */
  private switchTo(k: number, live: number): void {
    const { g } = this;
    const closing = this.open;
    closed.pos = 0;
    if (live !== 0) this.encodeOpen(blockLength(g, closing), closed);
    const reopened = this.decodeBlock(k);
    if (oldEnds.length < g.blocks) oldEnds = new Uint32Array(g.blocks);
    oldEnds.set(this.ends);
    const out = scratch;
    out.pos = 0;
    out.reserve(this.packed.length + closed.pos);
    for (let b = 0; b < g.blocks; b++) {
      if (b === closing) {
        out.bytes.set(closed.bytes.subarray(0, closed.pos), out.pos);
        out.pos += closed.pos;
        this.valid[b] = live;
      } else if (b !== k) {
        const start = b === 0 ? 0 : oldEnds[b - 1]!;
        out.bytes.set(this.packed.subarray(start, oldEnds[b]), out.pos);
        out.pos += oldEnds[b]! - start;
      }
      this.ends[b] = out.pos;
    }
    // Packed sizes barely change from one switch to the next: reuse the array while the
    // bytes fit it without wasting more than an eighth (fewer buffers for the GC to chase).
    const size = out.pos;
    const cap = this.packed.length;
    if (size <= cap && cap - size <= cap >>> 3) this.packed.set(out.bytes.subarray(0, size));
    else {
      this.packed = new Uint8Array(size + (size >>> 4));
      this.packed.set(out.bytes.subarray(0, size));
    }
    this.valid[k] = 0;
    this.open = k;
    this.raw = reopened;
    this.version++;
  }

  private encodeOpen(length: number, out: ByteWriter): void {
    const b = this.open;
    if (this.raw instanceof Float64Array && integral(this.raw, length)) {
      this.modes[b] = WHOLE;
      encodeInts(this.raw, NaN, length, out);
    } else if (this.raw instanceof Float64Array) {
      this.modes[b] = FLOAT;
      encodeFloats(this.raw, length, out);
    } else {
      this.modes[b] = INT;
      encodeInts(this.raw, gapOf(this.raw), length, out);
    }
  }

  /**
   * Block `k` as the new open block, in the narrowest encoding its values allow. The current
   * open array is reused when it is in the base encoding (it was just packed).
   */
  private decodeBlock(k: number): Chunk {
    const quantum = this.quantum;
    const length = blockLength(this.g, k);
    const valid = this.valid[k]!;
    const start = k === 0 ? 0 : this.ends[k - 1]!;
    const reuse = encodingOf(this.raw) === this.base;
    const fresh = reuse
      ? this.raw.fill(gapOf(this.raw))
      : createChunk(this.base, this.g.size * ROWS);
    if (valid === 0 || this.ends[k] === start) return fresh;
    if (this.modes[k] === INT && !(fresh instanceof Float64Array)) {
      if (decodeIntsInto(this.packed, start, length, fresh, gapOf(fresh), valid)) return fresh;
      fresh.fill(gapOf(fresh));
    }
    // Values wider than the base encoding: decode to numbers and widen as needed.
    const values = new Float64Array(length * ROWS);
    this.decodeInto(k, start, length, values, 0);
    let chunk: Chunk = fresh;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isNaN(v) || (valid & (1 << (i % ROWS))) === 0) continue;
      const need = widestNeeded(encodingOf(chunk), v, quantum);
      if (need !== encodingOf(chunk)) chunk = widen(chunk, need, quantum);
      writeValue(chunk, i, v, quantum);
    }
    return chunk;
  }

  /** Decodes packed block `k` (caller units, NaN gaps) into `values` from element `at`. */
  private decodeInto(k: number, start: number, length: number, values: Float64Array, at: number) {
    const mode = this.modes[k];
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
      const start = k === 0 ? 0 : this.ends[k - 1]!;
      if (k === this.open || this.ends[k] === start) continue;
      const length = blockLength(g, k);
      const at = k * g.size * ROWS;
      this.decodeInto(k, start, length, values, at);
    }
    if (cache.unshift({ owner: this, version: this.version, values }) > CACHED) cache.pop();
    return values;
  }
}
