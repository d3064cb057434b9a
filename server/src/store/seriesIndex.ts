import type { ValueTable } from './valueTable.js';

/**
 * Names the rows of one {@link ValueTable}: series key → row, plus the last tick in which each
 * row received a value, so series of deleted objects can be dropped once that tick has left
 * the retention window. Keys are opaque strings chosen by the caller (scope-prefixed).
 */
export class SeriesIndex {
  private readonly rowsByKey = new Map<string, number>();
  private keyOfRow: (string | undefined)[] = [];
  /** lastSeq[row]: newest tick with a value; sized to the highest row ever allocated. */
  private lastSeq = new Float64Array(64);

  constructor(readonly table: ValueTable) {}

  /** Live series. */
  get size(): number {
    return this.rowsByKey.size;
  }

  /** Bytes of typed arrays (the table's plus the last-seen column). */
  get bytes(): number {
    return this.table.bytes + this.lastSeq.byteLength;
  }

  find(key: string): number | undefined {
    return this.rowsByKey.get(key);
  }

  /** The row for `key`, allocated (all gaps) on first use; records a value at tick `seq`. */
  touch(key: string, seq: number): number {
    let row = this.rowsByKey.get(key);
    if (row === undefined) {
      row = this.table.alloc();
      this.rowsByKey.set(key, row);
      this.keyOfRow[row] = key;
      if (row >= this.lastSeq.length) this.grow(row);
    }
    this.lastSeq[row] = seq;
    return row;
  }

  /**
   * Drops every series whose newest value is older than tick `cutoffSeq`; their rows (and
   * eventually whole chunks) are reused. One pass over a typed array: cheap enough to run on
   * every append even with 450k series.
   */
  sweep(cutoffSeq: number): number {
    let dropped = 0;
    const keys = this.keyOfRow;
    for (let row = 0; row < keys.length; row++) {
      const key = keys[row];
      if (key === undefined || this.lastSeq[row]! >= cutoffSeq) continue;
      this.rowsByKey.delete(key);
      keys[row] = undefined;
      this.table.free(row);
      dropped++;
    }
    return dropped;
  }

  private grow(row: number): void {
    let length = this.lastSeq.length;
    while (length <= row) length *= 2;
    const next = new Float64Array(length);
    next.set(this.lastSeq);
    this.lastSeq = next;
  }
}
