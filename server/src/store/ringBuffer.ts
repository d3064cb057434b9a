import type { ValueTable } from './valueTable.js';

/**
 * Fixed-capacity columnar ring: one shared time column (`Float64Array` of sample timestamps),
 * the sampling interval in force at each tick (so a later resolution change does not make
 * older, sparser ticks look like gaps), and any number of {@link ValueTable}s whose slot `i` belongs to the tick in time slot `i`.
 *
 * Ticks are numbered by a monotonically increasing sequence number `seq`; tick `seq` lives in
 * slot `seq % capacity` while it is among the newest `capacity` ticks. Sequence numbers survive
 * a resize, so callers may remember them (e.g. "last tick this series had a value").
 */
export class RingBuffer {
  private times: Float64Array;
  private intervals: Float64Array;
  private nextSeq = 0;
  /** Ticks held; tracked explicitly because a grown ring is not full yet. */
  private held = 0;
  private readonly tables: ValueTable[];

  constructor(capacity: number, tables: readonly ValueTable[] = []) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`bad capacity ${capacity}`);
    this.times = new Float64Array(capacity);
    this.intervals = new Float64Array(capacity);
    this.tables = [...tables];
    for (const t of this.tables) if (t.slots !== capacity) t.resize(capacity, identity(capacity));
  }

  get capacity(): number {
    return this.times.length;
  }

  /** Ticks currently held (≤ capacity). */
  get size(): number {
    return this.held;
  }

  /** Sequence number of the newest tick; -1 when empty. */
  get newestSeq(): number {
    return this.nextSeq - 1;
  }

  /** Sequence number of the oldest tick still held (equals `nextSeq` when empty). */
  get oldestSeq(): number {
    return this.nextSeq - this.size;
  }

  /** Bytes of the time column (value tables report their own). */
  get bytes(): number {
    return this.times.byteLength + this.intervals.byteLength;
  }

  slotOf(seq: number): number {
    return seq % this.capacity;
  }

  /** Timestamp of a held tick. */
  timeOf(seq: number): number {
    return this.times[seq % this.capacity]!;
  }

  /** The sampling interval recorded with a held tick (NaN if none was given). */
  intervalOf(seq: number): number {
    return this.intervals[seq % this.capacity]!;
  }

  /**
   * Starts a new tick: evicts the oldest when full and makes the slot a gap in every table,
   * so a series that gets no value this tick reads `null` there. Returns the tick's seq.
   */
  push(timestampMs: number, intervalMs = NaN): number {
    const seq = this.nextSeq++;
    this.held = Math.min(this.held + 1, this.capacity);
    const slot = seq % this.capacity;
    this.times[slot] = timestampMs;
    this.intervals[slot] = intervalMs;
    for (const t of this.tables) t.clearSlot(slot);
    return seq;
  }

  /** The oldest held seq whose timestamp is > `t` (timestamps increase with seq). */
  firstSeqAfter(t: number): number {
    let lo = this.oldestSeq;
    let hi = this.nextSeq;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeOf(mid) > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * Changes the capacity, keeping the newest `min(size, capacity)` ticks in every table
   * (only ticks that no longer fit are lost).
   */
  resize(capacity: number): void {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`bad capacity ${capacity}`);
    if (capacity === this.capacity) return;
    const source = new Int32Array(capacity).fill(-1);
    const times = new Float64Array(capacity);
    const intervals = new Float64Array(capacity);
    const keepFrom = Math.max(this.oldestSeq, this.nextSeq - capacity);
    for (let seq = keepFrom; seq < this.nextSeq; seq++) {
      source[seq % capacity] = seq % this.capacity;
      times[seq % capacity] = this.timeOf(seq);
      intervals[seq % capacity] = this.intervalOf(seq);
    }
    for (const t of this.tables) t.resize(capacity, source);
    this.times = times;
    this.intervals = intervals;
    this.held = this.nextSeq - keepFrom;
  }
}

function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
