import type { ValueTable } from './valueTable.js';

/**
 * A named series and its children (a pod's containers). Children are few per parent, so
 * parallel arrays scanned linearly are cheaper than a Map per pod, in time and in memory, and
 * no `pod/container` key string has to be built on every append.
 */
export interface SeriesEntry {
  readonly space: string;
  readonly key: string;
  row: number;
  /**
   * Exact-length arrays, replaced on the rare add: `push` (or spread) would reserve ~17 slots,
   * ~150 bytes per pod at 150k pods.
   */
  childNames: readonly string[] | undefined;
  childRows: readonly number[] | undefined;
}

/**
 * Names the rows of one {@link ValueTable}: per key space (scope), key → entry, plus the last
 * tick in which each row received a value, so series of deleted objects can be dropped once
 * that tick has left the retention window.
 */
export class SeriesIndex {
  /** key space → key → entry; an emptied key space is removed (namespaces come and go). */
  private readonly spaces = new Map<string, Map<string, SeriesEntry>>();
  /** Per row: the entry that owns it (its own, or its parent's for a child row). */
  private readonly ownerOf: (SeriesEntry | undefined)[] = [];
  private lastSpace: string | undefined;
  private lastSpaceMap: Map<string, SeriesEntry> | undefined;
  /** lastSeq[row]: newest tick with a value; sized to the highest row ever allocated. */
  private lastSeq = new Float64Array(64);

  constructor(readonly table: ValueTable) {}

  /** Live series, children included. */
  get size(): number {
    return this.table.rows;
  }

  /** Bytes of typed arrays (the table's plus the last-seen column). */
  get bytes(): number {
    return this.table.bytes + this.lastSeq.byteLength;
  }

  /** Every live entry (children through their parent). */
  *entries(): IterableIterator<SeriesEntry> {
    for (const map of this.spaces.values()) yield* map.values();
  }

  /**
   * Every live row in row order, with the series it holds (a child's name when it is one):
   * reading rows in order decodes each packed chunk of 32 rows once, not once per row.
   */
  *rows(): IterableIterator<{ row: number; entry: SeriesEntry; child: string | undefined }> {
    for (let row = 0; row < this.ownerOf.length; row++) {
      const entry = this.ownerOf[row];
      if (!entry) continue;
      const child =
        entry.row === row ? undefined : entry.childNames![entry.childRows!.indexOf(row)];
      yield { row, entry, child };
    }
  }

  /** The entry that owns `row` now (its own, or its parent's for a child row). */
  owner(row: number): SeriesEntry | undefined {
    return this.ownerOf[row];
  }

  find(space: string, key: string): SeriesEntry | undefined {
    return this.spaces.get(space)?.get(key);
  }

  findChild(entry: SeriesEntry, name: string): number | undefined {
    const i = entry.childNames?.indexOf(name) ?? -1;
    return i < 0 ? undefined : entry.childRows![i];
  }

  /** The entry for `key`, allocated (all gaps) on first use; records a value at tick `seq`. */
  touch(space: string, key: string, seq: number): SeriesEntry {
    const map = this.spaceMap(space);
    let entry = map.get(key);
    if (!entry) {
      const row = this.allocRow();
      entry = { space, key, row, childNames: undefined, childRows: undefined };
      map.set(key, entry);
      this.ownerOf[row] = entry;
    }
    this.lastSeq[entry.row] = seq;
    return entry;
  }

  /** Appends touch the pods of one namespace in a row, so the last key space is remembered. */
  private spaceMap(space: string): Map<string, SeriesEntry> {
    if (space === this.lastSpace && this.lastSpaceMap) return this.lastSpaceMap;
    let map = this.spaces.get(space);
    if (!map) this.spaces.set(space, (map = new Map()));
    this.lastSpace = space;
    this.lastSpaceMap = map;
    return map;
  }

  /** The row of child `name` of `entry`, allocated on first use; records a value at `seq`. */
  touchChild(entry: SeriesEntry, name: string, seq: number): number {
    let row = this.findChild(entry, name);
    if (row === undefined) {
      row = this.allocRow();
      entry.childNames = entry.childNames ? entry.childNames.concat(name) : [name];
      entry.childRows = entry.childRows ? entry.childRows.concat(row) : [row];
      this.ownerOf[row] = entry;
    }
    this.lastSeq[row] = seq;
    return row;
  }

  /**
   * Drops every series whose newest value is older than tick `cutoffSeq`, reusing its row.
   * One pass over a typed array: cheap enough for every append even with 450k series.
   */
  sweep(cutoffSeq: number): void {
    const last = this.lastSeq;
    for (let row = 0; row < this.ownerOf.length; row++) {
      if (last[row]! >= cutoffSeq) continue;
      const entry = this.ownerOf[row];
      if (!entry) continue;
      if (entry.row === row) this.dropEntry(entry);
      else this.dropChild(entry, row);
    }
  }

  private dropEntry(entry: SeriesEntry): void {
    // A child never outlives its parent: the parent gets a value whenever a child does.
    for (const child of entry.childRows ?? []) this.freeRow(child);
    const map = this.spaces.get(entry.space)!;
    map.delete(entry.key);
    if (map.size === 0) {
      this.spaces.delete(entry.space);
      this.lastSpaceMap = undefined;
    }
    this.freeRow(entry.row);
  }

  private dropChild(entry: SeriesEntry, row: number): void {
    const keep = (_: unknown, j: number) => j !== entry.childRows!.indexOf(row);
    entry.childNames = entry.childNames!.filter(keep);
    entry.childRows = entry.childRows!.filter(keep);
    this.freeRow(row);
  }

  private allocRow(): number {
    const row = this.table.alloc();
    if (row >= this.lastSeq.length) {
      let length = this.lastSeq.length;
      while (length <= row) length *= 2;
      const next = new Float64Array(length);
      next.set(this.lastSeq);
      this.lastSeq = next;
    }
    return row;
  }

  private freeRow(row: number): void {
    this.ownerOf[row] = undefined;
    this.table.free(row);
  }
}
