import type { Point, Series } from '@kubeglance/shared/api';
import type { RingBuffer } from './ringBuffer.js';
import type { ValueTable } from './valueTable.js';

/**
 * The time axis of a history query: the ring's ticks inside the window, plus synthesised
 * missing ticks. `seqs[i]` is the ring seq for `times[i]`, or -1 for a missing tick (which reads
 * as `null` in every series).
 */
export interface Grid {
  times: number[];
  seqs: number[];
}

export interface GridWindow {
  /** Exclusive lower bound (unix ms). */
  startMs: number;
  /** Inclusive upper bound (unix ms). */
  endMs: number;
  /** The current resolution: used after the newest tick and for ticks stored without one. */
  resolutionMs: number;
}

/** A jump of more than this many resolutions between ticks means polls were missed. */
const GAP_FACTOR = 1.5;

/**
 * Failed polls are not stored: they would need the server's clock in a column of upstream
 * timestamps. Instead, wherever consecutive ticks are more than 1.5 resolutions apart (or the
 * window ends more than 1.5 resolutions after the newest tick) missing ticks are inserted at
 * `previous + k·resolution`, up to half a resolution before the next real tick, so a failed
 * or stale stretch shows as nulls on the regular grid. The resolution for a gap is the larger
 * of those recorded with its two ticks, so ticks stored before a resolution change are judged
 * by the resolution of their time. Before the first tick ever stored there is nothing (the
 * store did not exist then), not nulls.
 */
export function buildGrid(ring: RingBuffer, window: GridWindow): Grid {
  const grid: Grid = { times: [], seqs: [] };
  const newest = ring.newestSeq;
  if (newest < 0) return grid;
  const resAt = (seq: number) => ring.intervalOf(seq) || window.resolutionMs;
  let seq = ring.firstSeqAfter(window.startMs);
  // The tick just before the window, so a gap that straddles the start is filled too.
  let prev = seq > ring.oldestSeq ? seq - 1 : -1;
  for (; seq <= newest; seq++) {
    const t = ring.timeOf(seq);
    if (t > window.endMs) break;
    if (prev >= 0) {
      const res = Math.max(resAt(prev), resAt(seq));
      fillGap(grid, ring.timeOf(prev), t, res, window);
    }
    grid.times.push(t);
    grid.seqs.push(seq);
    prev = seq;
  }
  if (prev >= 0) {
    const next = seq <= newest ? seq : -1;
    const res = Math.max(resAt(prev), next >= 0 ? resAt(next) : window.resolutionMs);
    fillGap(grid, ring.timeOf(prev), next >= 0 ? ring.timeOf(next) : window.endMs, res, window);
  }
  return grid;
}

function fillGap(grid: Grid, prev: number, next: number, res: number, window: GridWindow) {
  if (next - prev <= GAP_FACTOR * res) return;
  // Start at the first grid point inside the window (a long outage may straddle its start).
  const first = Math.max(1, Math.floor((window.startMs - prev) / res) + 1);
  for (let t = prev + first * res; t < next - res / 2 && t <= window.endMs; t += res) {
    grid.times.push(t);
    grid.seqs.push(-1);
  }
}

/** The value columns of every history table: CPU (millicores) and memory (bytes). */
export const CPU = 0;
export const MEMORY = 1;

/**
 * One series' CPU and memory on `grid`: row `row` of `table`, null at missing ticks and for a
 * row that is not stored (`row` < 0).
 */
export function readOnGrid(ring: RingBuffer, grid: Grid, table: ValueTable, row: number): Series[] {
  const cpu: Point[] = [];
  const memory: Point[] = [];
  grid.times.forEach((t, i) => {
    const seq = grid.seqs[i]!;
    const slot = ring.slotOf(seq);
    const known = seq >= 0 && row >= 0;
    cpu.push([t, known ? table.get(CPU, row, slot) : null]);
    memory.push([t, known ? table.get(MEMORY, row, slot) : null]);
  });
  return [
    { metric: 'cpu', unit: 'millicores', points: cpu },
    { metric: 'memory', unit: 'bytes', points: memory },
  ];
}
