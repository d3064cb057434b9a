/**
 * The wall screen (/noc at 1920x1080) on a cluster of N nodes with the simulator at a fast
 * metrics resolution, so many ticks (SSE `sample` events) pass in little time:
 *
 * - tick re-render: per sample, from its arrival in the page to the painted frame of the last
 *   React commit it caused (probe.ts), median and p95 over the ticks after a warm-up; ticks
 *   next to a forced GC are left out;
 * - main-thread CPU per tick (world.ts `cpuClock`) between the forced GCs;
 * - tab memory: JS heap in use (CDP `Performance.getMetrics` JSHeapUsedSize) right after a
 *   forced GC (CDP `HeapProfiler.collectGarbage`), at the end of the warm-up and then every
 *   `ticks / 8` ticks; growth from first to last and the least-squares slope per tick.
 */
import type { CDPSession, Page } from 'playwright-core';
import { FULL_HD } from '../tests/fixtures/browser.js';
import { waitFor } from '../tests/fixtures/wait.js';
import { percentile, median, round } from '../../server/bench/stats.js';
import type { ProbeData } from './probe.js';
import { cpuClock, probeData, startWorld } from './world.js';

const WARMUP_TICKS = 10;

export interface WallResult {
  nodes: number;
  pods: number;
  resolution: string;
  ticksObserved: number;
  ticksMeasured: number;
  ticksWithoutCommit: number;
  tickMedianMs: number;
  tickP95Ms: number;
  tickMaxMs: number;
  longestTaskMedianMs: number;
  cpuPerTickMs: number;
  /** [ticks since the warm-up, MiB after GC]. */
  heap: [number, number][];
  heapStartMiB: number;
  heapEndMiB: number;
  heapGrowthMiB: number;
  /**
   * The heap after GC at the first reading of the run's second half, and its growth to the
   * end: the first half (the first hour of two, at 15 s ticks) fills the live windows, which
   * is by design; a leak keeps growing in the second.
   */
  heapSecondHalfStartMiB: number;
  heapSecondHalfGrowthMiB: number;
  heapSlopeKiBPerTick: number;
  wallSeconds: number;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  if (used === undefined) throw new Error('no JSHeapUsedSize in Performance.getMetrics');
  return round(used / 2 ** 20, 2);
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? NaN : sxy / sxx;
}

/** Ticks recorded so far (read alone: the page serialises only a number). */
const ticksSoFar = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bench: ProbeData }).__bench.ticks.length);

export async function wallBench(nodes: number, pods: number, ticks: number, resolution: string) {
  const world = await startWorld({
    name: 'bench-wall',
    nodes,
    pods,
    namespaces: 20,
    churn: 0,
    resolution,
  });
  try {
    const t0 = Date.now();
    const page = await world.newPage(FULL_HD);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpu = await cpuClock(page);
    await page.goto('/noc');
    const waitTicks = (n: number) =>
      waitFor(async () => ((await ticksSoFar(page)) >= n ? true : undefined), {
        timeout: 60_000 + n * 10_000,
        interval: 500,
        what: `${n} ticks on the wall screen`,
      });
    await waitTicks(WARMUP_TICKS);
    const heap: [number, number][] = [];
    /** Page-clock spans of the forced GCs: ticks overlapping them are not timed. */
    const gcSpans: [number, number][] = [];
    /** Main-thread CPU and ticks between the forced GCs. */
    let cpuMs = 0;
    let cpuTicks = 0;
    let since: [cpu: number, ticks: number] | null = null;
    const sampleHeap = async () => {
      const at = await ticksSoFar(page);
      if (since) {
        cpuMs += (await cpu()) - since[0];
        cpuTicks += at - since[1];
      }
      const from = await page.evaluate(() => performance.now());
      const mib = await heapAfterGc(cdp);
      gcSpans.push([from, await page.evaluate(() => performance.now())]);
      heap.push([at - WARMUP_TICKS, mib]);
      since = [await cpu(), await ticksSoFar(page)];
    };
    await sampleHeap();
    const step = Math.max(1, Math.ceil(ticks / 8));
    for (let target = step; target <= ticks; target += step) {
      await waitTicks(WARMUP_TICKS + Math.min(target, ticks));
      await sampleHeap();
    }
    const data = await probeData(page);
    if (world.pageErrors.length > 0) throw new Error(`page errors: ${world.pageErrors.join('; ')}`);
    const measured = data.ticks
      .slice(WARMUP_TICKS)
      .filter(
        (t) => !gcSpans.some(([a, b]) => t.arrivedAt <= b && (t.paintedAt ?? t.arrivedAt) >= a),
      );
    const timed = measured.filter((t) => t.paintedAt !== null);
    const ms = timed.map((t) => t.paintedAt! - t.arrivedAt);
    const heapStartMiB = heap[0]![1];
    const heapEndMiB = heap.at(-1)![1];
    const half = heap.find(([x]) => x >= heap.at(-1)![0] / 2)![1];
    return {
      nodes,
      pods,
      resolution,
      ticksObserved: data.ticks.length,
      ticksMeasured: timed.length,
      ticksWithoutCommit: measured.length - timed.length,
      tickMedianMs: round(median(ms), 1),
      tickP95Ms: round(percentile(ms, 95), 1),
      tickMaxMs: round(Math.max(...ms), 1),
      longestTaskMedianMs: round(median(timed.map((t) => t.longestTaskMs)), 1),
      cpuPerTickMs: round(cpuMs / cpuTicks, 1),
      heap,
      heapStartMiB,
      heapEndMiB,
      heapGrowthMiB: round(heapEndMiB - heapStartMiB, 2),
      heapSecondHalfStartMiB: half,
      heapSecondHalfGrowthMiB: round(heapEndMiB - half, 2),
      heapSlopeKiBPerTick: round(slope(heap) * 1024, 2),
      wallSeconds: round((Date.now() - t0) / 1000, 1),
    } satisfies WallResult;
  } finally {
    await world.stop();
  }
}
