import type { ValueTable } from './valueTable.js';

/**
 * Fixed-capacity columnar ring: one shared time column (`Float64Array` of sample timestamps),
 * the sampling interval in force at each tick (so a later resolution change does not make
 * older, sparser ticks look like gaps), and any number of {@link ValueTable}s whose slot `i` belongs to the tick in time slot `i`.
 *
 * Ticks are numbered by a monotonically increasing sequence number `seq`; tick `seq` lives in
 * slot `seq % (capacity + 1)` while it is among the newest `capacity` ticks. Sequence numbers
 * survive a resize, so callers may remember them (e.g. "last tick this series had a value").
 *
 * The one slot beyond `capacity` is where the next tick is written: {@link begin} opens it,
 * writers fill it over as many turns of the event loop as they need, and {@link commit} makes
 * it the newest tick and the oldest one leaves. Readers in between see the held ticks whole;
 * no slot they can read is ever half overwritten.
 */
export class RingBuffer {
  private times: Float64Array;
  private intervals: Float64Array;
  private nextSeq = 0;
  /** Ticks held; tracked explicitly because a grown ring is not full yet. */
  private held = 0;
  private readonly tables: ValueTable[];
  /** The tick opened by {@link begin} and not committed yet. */
  private pending = false;

  constructor(capacity: number, tables: readonly ValueTable[] = []) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`bad capacity ${capacity}`);
    const slots = capacity + 1;
    this.times = new Float64Array(slots);
    this.intervals = new Float64Array(slots);
    this.tables = [...tables];
    for (const t of this.tables) if (t.slots !== slots) t.resize(slots, identity(slots));
  }

  /** Ticks the ring holds when full. */
  get capacity(): number {
    return this.times.length - 1;
  }

  /** Slots in the value tables: `capacity` plus the one being written. */
  get slots(): number {
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
    return seq % this.slots;
  }

  /** Timestamp of a held tick. */
  timeOf(seq: number): number {
    return this.times[seq % this.slots]!;
  }

  /** The sampling interval recorded with a held tick (NaN if none was given). */
  intervalOf(seq: number): number {
    return this.intervals[seq % this.slots]!;
  }

  /** A new tick, written and committed at once (see {@link begin}). Returns its seq. */
  push(timestampMs: number, intervalMs = NaN): number {
    const seq = this.begin(timestampMs, intervalMs);
    for (const step of this.clearPending()) void step;
    this.commit();
    return seq;
  }

  /**
   * Opens the next tick in the spare slot, invisible to readers until {@link commit}. Its
   * values must be cleared ({@link clearPending}) before anything is written to it.
   */
  begin(timestampMs: number, intervalMs = NaN): number {
    if (this.pending) throw new Error('a tick is already being written');
    this.pending = true;
    const slot = this.nextSeq % this.slots;
    this.times[slot] = timestampMs;
    this.intervals[slot] = intervalMs;
    return this.nextSeq;
  }

  /**
   * Makes the open tick's slot a gap in every table, so a series that gets no value in it
   * reads `null` there; yields between runs of about `chunksPerStep` chunks.
   */
  *clearPending(chunksPerStep = Infinity): Generator<void> {
    if (!this.pending) throw new Error('no tick is being written');
    const slot = this.nextSeq % this.slots;
    for (const t of this.tables) yield* t.clearSlotSteps(slot, chunksPerStep);
  }

  /** Drops the open tick; its slot stays invisible and is cleared by the next {@link begin}. */
  abort(): void {
    this.pending = false;
  }

  /** Publishes the open tick as the newest; the oldest leaves when the ring was full. */
  commit(): void {
    if (!this.pending) throw new Error('no tick is being written');
    this.pending = false;
    this.nextSeq++;
    this.held = Math.min(this.held + 1, this.capacity);
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
    if (this.pending) throw new Error('cannot resize while a tick is being written');
    if (capacity === this.capacity) return;
    const slots = capacity + 1;
    const source = new Int32Array(slots).fill(-1);
    const times = new Float64Array(slots);
    const intervals = new Float64Array(slots);
    const keepFrom = Math.max(this.oldestSeq, this.nextSeq - capacity);
    for (let seq = keepFrom; seq < this.nextSeq; seq++) {
      source[seq % slots] = this.slotOf(seq);
      times[seq % slots] = this.timeOf(seq);
      intervals[seq % slots] = this.intervalOf(seq);
    }
    for (const t of this.tables) t.resize(slots, source);
    this.times = times;
    this.intervals = intervals;
    this.held = this.nextSeq - keepFrom;
  }
}

function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
