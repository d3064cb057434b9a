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

/** One value column of a table: the encoding new chunks start in, and the unit stored. */
export interface ColumnSpec {
  encoding: Encoding;
  /** Narrow encodings store `value / quantum` (1024 stores bytes as KiB); default 1. */
  quantum?: number;
}

/**
 * Rows per chunk; must stay 32 (rows split as `row >>> 5` / `row & 31`). 32 lets one uint32 mask track a chunk's rows, keeps a chunk small
 * (240 slots × 32 rows × 2 bytes = 15 KiB) so a widened or emptied chunk costs little, and is
 * large enough that the per-chunk typed-array header is noise.
 */
const ROWS = 32;
const FULL = 0xffffffff;

/**
 * Fixed-slot value storage for many series: each row is one series, each slot one tick of the
 * shared time ring. Rows live in chunks of 32 and a chunk is laid out slot-major
 * (`slot * 32 + row`), so clearing a whole tick is one contiguous fill per chunk and no series
 * needs its own typed array (which would cost ~100 bytes of header per series).
 *
 * Rows are handed out lowest-free-first so live rows stay packed and chunks that empty out under
 * churn are released; a released chunk also forgets any widening.
 */
export class ValueTable {
  private slotCount: number;
  private readonly columns: Required<ColumnSpec>[];
  /** chunks[column][chunk]; null while the chunk has no live row. */
  private readonly chunks: (Chunk | null)[][];
  /** Bit r of occupied[c] is set while row c*32+r is allocated. */
  private readonly occupied: number[] = [];
  private live = 0;
  /** No chunk below this one has a free row. */
  private searchFrom = 0;

  constructor(slots: number, columns: readonly ColumnSpec[]) {
    this.slotCount = slots;
    this.columns = columns.map((c) => ({ encoding: c.encoding, quantum: c.quantum ?? 1 }));
    this.chunks = columns.map(() => []);
  }

  get slots(): number {
    return this.slotCount;
  }

  /** Allocated rows. */
  get rows(): number {
    return this.live;
  }

  /** Bytes held by typed arrays. */
  get bytes(): number {
    let total = 0;
    for (const column of this.chunks) for (const chunk of column) total += chunk?.byteLength ?? 0;
    return total;
  }

  /** Allocates a row whose every slot is a gap. */
  alloc(): number {
    let c = this.searchFrom;
    while (c < this.occupied.length && this.occupied[c] === FULL) c++;
    this.searchFrom = c;
    if (c === this.occupied.length) this.occupied.push(0);
    const mask = this.occupied[c]!;
    const free = ~mask;
    const bit = 31 - Math.clz32(free & -free);
    this.occupied[c] = (mask | (1 << bit)) >>> 0;
    this.live++;
    this.columns.forEach((spec, col) => {
      const chunk = this.chunks[col]![c];
      if (chunk) clearRow(chunk, bit, this.slotCount);
      else this.chunks[col]![c] = createChunk(spec.encoding, this.slotCount * ROWS);
    });
    return c * ROWS + bit;
  }

  /** Frees a row; its chunk is released when it was the last live row there. */
  free(row: number): void {
    const c = Math.floor(row / ROWS);
    const mask = this.occupied[c];
    const bit = 1 << (row % ROWS);
    if (mask === undefined || (mask & bit) === 0) throw new Error(`row ${row} is not allocated`);
    this.occupied[c] = (mask & ~bit) >>> 0;
    this.live--;
    if (this.occupied[c] === 0) for (const column of this.chunks) column[c] = null;
    this.searchFrom = Math.min(this.searchFrom, c);
  }

  /** Stores a value (or a gap for `null`), widening the row's chunk if it does not fit. */
  set(column: number, row: number, slot: number, value: number | null): void {
    const chunks = this.chunks[column]!;
    const c = row >>> 5;
    const chunk = chunks[c]!;
    const { quantum } = this.columns[column]!;
    const index = slot * ROWS + (row & 31);
    if (value === null || !Number.isFinite(value)) {
      chunk[index] = gapOf(chunk);
      return;
    }
    // Hot path (one call per series per tick): store directly when the value fits.
    if (chunk instanceof Float64Array) {
      chunk[index] = value;
      return;
    }
    const q = value / quantum;
    const max = chunk instanceof Uint16Array ? 0xffff : 0xffffffff;
    if (q >= 0 && q < max && Number.isInteger(q)) {
      chunk[index] = q;
      return;
    }
    const wider = widen(chunk, widestNeeded(encodingOf(chunk), value, quantum), quantum);
    chunks[c] = wider;
    writeValue(wider, index, value, quantum);
  }

  /** Reads a value; `null` for a gap. */
  get(column: number, row: number, slot: number): number | null {
    const chunk = this.chunks[column]![row >>> 5]!;
    return readValue(chunk, slot * ROWS + (row & 31), this.columns[column]!.quantum);
  }

  /** Makes `slot` a gap in every row (called when the ring reuses the slot for a new tick). */
  clearSlot(slot: number): void {
    const start = slot * ROWS;
    for (const column of this.chunks) {
      for (const chunk of column) chunk?.fill(gapOf(chunk), start, start + ROWS);
    }
  }

  /**
   * Re-lays every chunk for a new slot count: new slot `s` takes old slot `source[s]`
   * (or is a gap when that is -1).
   */
  resize(slots: number, source: Int32Array): void {
    for (const column of this.chunks) {
      column.forEach((chunk, c) => {
        if (!chunk) return;
        const next = createChunk(encodingOf(chunk), slots * ROWS);
        for (let s = 0; s < slots; s++) {
          const from = source[s]!;
          if (from >= 0) next.set(chunk.subarray(from * ROWS, (from + 1) * ROWS), s * ROWS);
        }
        column[c] = next;
      });
    }
    this.slotCount = slots;
  }
}

function clearRow(chunk: Chunk, bit: number, slots: number): void {
  const gap = gapOf(chunk);
  for (let s = 0; s < slots; s++) chunk[s * ROWS + bit] = gap;
}
