import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `BENCH_QUICK=1` (or `--quick`): a small cluster, fewer repetitions and shorter windows, so
 * the benchmark runs in about two minutes and `pnpm test` can run it (test/benchQuick.test.ts)
 * without it rotting. Same targets and lines as the full run; the figures mean little.
 */
export const quick = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick');

/** The quick run's cluster: 200 nodes / 6,000 pods. */
export const QUICK_SIZE: [number, number] = [200, 6000];

/**
 * Cluster sizes to run, as [nodes, pods]: `BENCH_SIZE=200x6000` picks one (development, a
 * busy machine); else the quick size, or 1000/30,000 and 5000/150,000 (the supported maximum).
 */
export function benchSizes(): [number, number][] {
  const chosen = /^(\d+)x(\d+)$/.exec(process.env.BENCH_SIZE ?? '');
  if (chosen) return [[Number(chosen[1]), Number(chosen[2])]];
  if (quick) return [QUICK_SIZE];
  return [
    [1000, 30_000],
    [5000, 150_000],
  ];
}

/**
 * The simulator's metrics resolution in seconds. The quick run polls every 5 s so that the
 * measurements that wait for polls (event loop, load spanning a poll, SSE delivery) take
 * seconds, not minutes.
 */
export const resolutionSeconds = quick ? 5 : 15;

/**
 * Where result files go: `bench/results/` (committed, the full run's figures), but a quick
 * run writes to a temporary directory so `pnpm test` leaves the tree clean.
 */
export function resultsDir(): URL {
  if (!quick) return new URL('../../bench/results/', import.meta.url);
  return pathToFileURL(mkdtempSync(join(tmpdir(), 'kubeglance-bench-quick-')) + '/');
}
