/**
 * One saved column (a series' CPU or memory over the saved ticks) as it lies in the file:
 * a bitmap of the ticks with a value and the values packed after it. It is read in tick order
 * straight from the file's bytes, so restoring an hour of 150,000 pods holds no second copy of
 * its ~190 million values.
 */
export class SavedColumn {
  private tick = 0;
  private value = 0;

  constructor(
    /** Ticks the column spans. */
    readonly length: number,
    /** 0: u32, 1: u32 × 1024, 2: float64. */
    private readonly kind: number,
    private readonly bitmap: Uint8Array,
    private readonly packed: Buffer,
  ) {}

  private has(i: number): boolean {
    return ((this.bitmap[i >> 3]! >> (i & 7)) & 1) === 1;
  }

  /** The next tick's value, NaN for a gap; ticks are read once each, oldest first. */
  next(): number {
    const i = this.tick++;
    if (i >= this.length || !this.has(i)) return NaN;
    const j = this.value++;
    if (this.kind === 2) return this.packed.readDoubleLE(j * 8);
    return this.packed.readUInt32LE(j * 4) * (this.kind === 1 ? 1024 : 1);
  }

  /** Skips the next `n` ticks (saved ticks older than the retention window). */
  skip(n: number): void {
    for (let k = 0; k < n; k++) this.next();
  }

  /** The index (from the next tick on) of the newest tick with a value; -1 for none. */
  lastPresent(): number {
    for (let i = this.length - 1; i >= this.tick; i--) if (this.has(i)) return i - this.tick;
    return -1;
  }
}
