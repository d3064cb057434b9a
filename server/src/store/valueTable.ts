import { BlockedChunk, geometry, type BlockGeometry } from './blockedChunk.js';
import type { Encoding } from './encoding.js';

/** One value column of a table: the encoding new chunks start in, and the unit stored. */
export interface ColumnSpec {
  encoding: Encoding;
  /** Narrow encodings store `value / quantum` (1024 stores bytes as KiB); default 1. */
  quantum?: number;
}

/**
 * Rows per chunk; must stay 32 (rows split as `row >>> 5` / `row & 31`). 32 lets one uint32
 * mask track a chunk's rows and keeps the per-chunk bookkeeping noise.
 */
const ROWS = 32;
const FULL = 0xffffffff;
/** Ticks per block: 16 × 15 s = 4 minutes written raw before a block is packed. */
export const BLOCK_SLOTS = 16;

/**
 * Fixed-slot value storage for many series: each row is one series, each slot one tick of the
 * shared time ring. Rows live in chunks of 32; each chunk's slots split into blocks, of which
 * only the one being written is a plain typed array and the rest are delta/varint bytes (see
 * {@link BlockedChunk}): about 1–2 bytes per value instead of 2–4, every value exact.
 *
 * Each chunk's blocks are shifted by `chunk % blockSlots` slots, so at any tick only one chunk in
 * `blockSlots` packs and reopens a block: the cost is spread evenly over the ticks instead of
 * landing on one append.
 *
 * Rows are handed out lowest-free-first so live rows stay packed and chunks that empty out under
 * churn are released.
 */
export class ValueTable {
  private g: BlockGeometry;
  private readonly columns: Required<ColumnSpec>[];
  /** chunks[column][chunk]; null while the chunk has no live row. */
  private chunks: (BlockedChunk | null)[][];
  /** Bit r of occupied[c] is set while row c*32+r is allocated. */
  private readonly occupied: number[] = [];
  private live = 0;
  /** No chunk below this one has a free row. */
  private searchFrom = 0;
  /** The slot of the tick being written (new chunks open the block holding it). */
  private current = 0;

  constructor(
    slots: number,
    columns: readonly ColumnSpec[],
    private readonly blockSlots = BLOCK_SLOTS,
  ) {
    this.g = geometry(slots, blockSlots);
    this.columns = columns.map((c) => ({ encoding: c.encoding, quantum: c.quantum ?? 1 }));
    this.chunks = columns.map(() => []);
  }

  get slots(): number {
    return this.g.slots;
  }

  /** Allocated rows. */
  get rows(): number {
    return this.live;
  }

  /** Bytes held by typed arrays (open blocks, packed blocks, bookkeeping). */
  get bytes(): number {
    let total = 0;
    for (const column of this.chunks) for (const chunk of column) total += chunk?.bytes ?? 0;
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
    const [k] = this.locate(c, this.current);
    this.columns.forEach((spec, col) => {
      const chunk = this.chunks[col]![c];
      if (chunk) chunk.clearRow(bit);
      else this.chunks[col]![c] = new BlockedChunk(this.g, spec.encoding, spec.quantum, k);
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

  /** Stores a value (or a gap for `null`), widening the row's open block if it does not fit. */
  set(column: number, row: number, slot: number, value: number | null): void {
    // Hot path (one call per series per tick): no tuple from locate().
    const c = row >>> 5;
    const { slots, size } = this.g;
    const local = (slot - (c % size) + slots) % slots;
    const k = Math.floor(local / size);
    this.chunks[column]![c]!.set(row & 31, k, local - k * size, value, this.occupied[c]!);
  }

  /** Reads a value; `null` for a gap. */
  get(column: number, row: number, slot: number): number | null {
    const c = row >>> 5;
    const { slots, size } = this.g;
    const local = (slot - (c % size) + slots) % slots;
    const k = Math.floor(local / size);
    return this.chunks[column]![c]!.get(row & 31, k, local - k * size);
  }

  /** Makes `slot` a gap in every row (called when the ring reuses the slot for a new tick). */
  clearSlot(slot: number): void {
    for (const step of this.clearSlotSteps(slot)) void step;
  }

  /**
   * {@link clearSlot} in runs of about `chunksPerStep` chunks, yielding between them (the
   * slot must not be read or written until the last run is done).
   */
  *clearSlotSteps(slot: number, chunksPerStep = Infinity): Generator<void> {
    this.current = slot;
    let done = 0;
    for (const column of this.chunks) {
      for (let c = 0; c < column.length; c++) {
        const chunk = column[c];
        if (!chunk) continue;
        const [k, off] = this.locate(c, slot);
        chunk.clearSlot(k, off, this.occupied[c]!);
        if (++done >= chunksPerStep) {
          done = 0;
          yield;
        }
      }
    }
  }

  /**
   * Re-lays every chunk for a new slot count: new slot `s` takes old slot `source[s]`
   * (or is a gap when that is -1).
   */
  resize(slots: number, source: Int32Array): void {
    const old = this.chunks;
    const oldTable = { g: this.g, chunks: old };
    const newCurrent = source.indexOf(this.current);
    this.g = geometry(slots, this.blockSlots);
    this.chunks = this.columns.map(() => []);
    // Oldest new slot first per chunk, so each chunk walks its blocks once.
    const order = Array.from({ length: slots }, (_, s) => s).filter((s) => source[s]! >= 0);
    this.columns.forEach((spec, col) => {
      old[col]!.forEach((chunk, c) => {
        if (!chunk) return;
        const [k0] = this.locate(c, Math.max(0, newCurrent));
        const next = new BlockedChunk(this.g, spec.encoding, spec.quantum, k0);
        this.chunks[col]![c] = next;
        const live = this.occupied[c]!;
        for (const s of order) {
          const [ok, ooff] = locateIn(oldTable.g, c, source[s]!);
          const [k, off] = this.locate(c, s);
          for (let r = 0; r < ROWS; r++) {
            if ((live & (1 << r)) === 0) continue;
            next.set(r, k, off, chunk.get(r, ok, ooff), live);
          }
        }
      });
    });
    this.current = Math.max(0, newCurrent);
  }

  /** Block and offset of `slot` in chunk `c` (chunk `c`'s blocks start `c % size` slots late). */
  private locate(c: number, slot: number): [number, number] {
    return locateIn(this.g, c, slot);
  }
}

function locateIn(g: BlockGeometry, c: number, slot: number): [number, number] {
  const local = (slot - (c % g.size) + g.slots) % g.slots;
  const k = Math.floor(local / g.size);
  return [k, local - k * g.size];
}
