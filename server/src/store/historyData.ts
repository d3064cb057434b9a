import type { RingBuffer } from './ringBuffer.js';
import type { SeriesIndex } from './seriesIndex.js';

/**
 * A history store's content as plain columns, for saving across restarts: the time column
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

export function exportHistory(
  ring: RingBuffer,
  tiers: readonly SeriesIndex[],
  resolutionMs: number,
): HistoryData {
  const seqs: number[] = [];
  for (let seq = ring.oldestSeq; seq <= ring.newestSeq; seq++) seqs.push(seq);
  const column = (index: SeriesIndex, row: number, c: number) =>
    seqs.map((seq) => index.table.get(c, row, ring.slotOf(seq)));
  const series: PersistedSeries[] = [];
  tiers.forEach((index, tier) => {
    for (const e of index.entries()) {
      const base = { tier, space: e.space, key: e.key };
      series.push({
        ...base,
        cpu: column(index, e.row, CPU),
        memory: column(index, e.row, MEMORY),
      });
      e.childNames?.forEach((child, i) => {
        const row = e.childRows![i]!;
        series.push({
          ...base,
          child,
          cpu: column(index, row, CPU),
          memory: column(index, row, MEMORY),
        });
      });
    }
  });
  return {
    resolutionMs,
    times: seqs.map((s) => ring.timeOf(s)),
    intervals: seqs.map((s) => ring.intervalOf(s)),
    series,
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
