import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { RingBuffer } from './ringBuffer.js';
import type { SavedColumn } from './savedColumn.js';
import type { SeriesIndex } from './seriesIndex.js';

/**
 * A saved history's content as plain columns, as read back from a file: the time column
 * (oldest first) and, per series, its CPU and memory values aligned with it.
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
  /** Aligned with `times`, read once in tick order. */
  cpu: SavedColumn;
  memory: SavedColumn;
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

/** Ticks imported per turn of the event loop (each touches every series once). */
const TICKS_PER_TURN = 4;
/** Series placed (their rows found or allocated) per turn. */
const SERIES_PER_TURN = 5_000;

/**
 * Replays saved ticks into an empty ring and its indexes: each series' row is found once
 * (parents before children), then the values are written tick by tick, as appends write
 * them, a few ticks per turn of the event loop.
 */
export async function importHistory(
  data: HistoryData,
  ring: RingBuffer,
  tiers: readonly SeriesIndex[],
): Promise<void> {
  const seqs = data.times.map((t, i) => ring.push(t, data.intervals[i] ?? data.resolutionMs));
  const ordered = [...data.series].sort(
    (a, b) => Number(a.child !== undefined) - Number(b.child !== undefined),
  );
  const placed: { s: PersistedSeries; index: SeriesIndex; row: number }[] = [];
  for (const [k, s] of ordered.entries()) {
    if (k > 0 && k % SERIES_PER_TURN === 0) await yieldToLoop();
    const index = tiers[s.tier];
    const last = lastValue(s);
    if (!index || last < 0) continue;
    const seq = seqs[last]!;
    if (s.child === undefined) {
      placed.push({ s, index, row: index.touch(s.space, s.key, seq).row });
      continue;
    }
    // The parent got a value whenever a child did, so it is placed already.
    const parent = index.find(s.space, s.key) ?? index.touch(s.space, s.key, seq);
    placed.push({ s, index, row: index.touchChild(parent, s.child, seq) });
  }
  for (let i = 0; i < seqs.length; i++) {
    if (i > 0 && i % TICKS_PER_TURN === 0) await yieldToLoop();
    // More ticks than the ring holds: the oldest were pushed out again.
    const gone = seqs[i]! < ring.oldestSeq;
    const slot = ring.slotOf(seqs[i]!);
    for (const { s, index, row } of placed) {
      // Every column is read at every tick, so each advances one tick per pass.
      const cpu = s.cpu.next();
      const memory = s.memory.next();
      if (gone || (Number.isNaN(cpu) && Number.isNaN(memory))) continue;
      index.table.set(CPU, row, slot, Number.isNaN(cpu) ? null : cpu);
      index.table.set(MEMORY, row, slot, Number.isNaN(memory) ? null : memory);
    }
  }
}

/** The index of the series' newest tick with a value; -1 for none. */
function lastValue(s: PersistedSeries): number {
  return Math.max(s.cpu.lastPresent(), s.memory.lastPresent());
}
