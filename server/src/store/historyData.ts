import type { RingBuffer } from './ringBuffer.js';
import type { SeriesIndex } from './seriesIndex.js';

/**
 * A saved history's content as plain columns, as read back from a file: the time column
 * (oldest first) and, per series, its CPU and memory values aligned with it (null: no value).
 * `tier` 0 holds cluster/node/namespace series, 1 pods (containers as `child`).
 */
export interface HistoryData {
  resolutionMs: number;
  times: number[];
  intervals: number[];
  series: PersistedSeries[];
}

export interface PersistedSeries {
  tier: number;
  space: string;
  key: string;
  child?: string | undefined;
  cpu: (number | null)[];
  memory: (number | null)[];
}

const CPU = 0;
const MEMORY = 1;

/** One stored series, read a column at a time (for saving). */
export interface SourceSeries {
  tier: number;
  space: string;
  key: string;
  child: string | undefined;
  /** Fills `out` with the column's values, oldest tick first; NaN for a gap. */
  read(column: 0 | 1, out: Float64Array): void;
}

/**
 * A history store's content as the saver reads it: the time columns and every series on
 * demand, so no copy of all values is ever built (at 150,000 pods an hour is ~190 million).
 */
export interface HistorySource {
  resolutionMs: number;
  times: Float64Array;
  intervals: Float64Array;
  /** Series (rows) in all tiers. */
  count: number;
  series(): Iterable<SourceSeries>;
}

export function historySource(
  ring: RingBuffer,
  tiers: readonly SeriesIndex[],
  resolutionMs: number,
): HistorySource {
  const first = ring.oldestSeq;
  const n = ring.newestSeq < 0 ? 0 : ring.newestSeq - first + 1;
  const capacity = ring.capacity;
  const slots = Int32Array.from({ length: n }, (_, i) => ring.slotOf(first + i));
  // The rows as they are now: appends may add and drop series while a save reads.
  const rows = tiers.map((index) => [...index.rows()]);
  return {
    resolutionMs,
    times: Float64Array.from({ length: n }, (_, i) => ring.timeOf(first + i)),
    intervals: Float64Array.from({ length: n }, (_, i) => ring.intervalOf(first + i)),
    count: rows.reduce((sum, r) => sum + r.length, 0),
    *series() {
      for (const [tier, index] of tiers.entries()) {
        for (const { row, entry, child } of rows[tier]!) {
          yield {
            tier,
            space: entry.space,
            key: entry.key,
            child,
            read(column, out) {
              // A tick whose slot was reused since (or every tick, after a resize or when the
              // row now holds another series) is saved as a gap.
              const same =
                ring.capacity === capacity &&
                index.owner(row) === entry &&
                (child === undefined
                  ? entry.row === row
                  : entry.childNames?.[entry.childRows!.indexOf(row)] === child);
              const gone = same ? ring.oldestSeq - first : n;
              for (let i = 0; i < n; i++) {
                out[i] = i < gone ? NaN : (index.table.get(column, row, slots[i]!) ?? NaN);
              }
            },
          };
        }
      }
    },
  };
}

/** Replays saved ticks into an empty ring and its indexes (parents before children). */
export function importHistory(
  data: HistoryData,
  ring: RingBuffer,
  tiers: readonly SeriesIndex[],
): void {
  const ordered = [...data.series].sort(
    (a, b) => Number(a.child !== undefined) - Number(b.child !== undefined),
  );
  data.times.forEach((t, i) => {
    const seq = ring.push(t, data.intervals[i] ?? data.resolutionMs);
    const slot = ring.slotOf(seq);
    for (const s of ordered) {
      const cpu = s.cpu[i] ?? null;
      const memory = s.memory[i] ?? null;
      const index = tiers[s.tier];
      if (!index || (cpu === null && memory === null)) continue;
      const entry = index.touch(s.space, s.key, seq);
      const row = s.child === undefined ? entry.row : index.touchChild(entry, s.child, seq);
      index.table.set(CPU, row, slot, cpu);
      index.table.set(MEMORY, row, slot, memory);
    }
  });
}
