/**
 * `pnpm bench` (browser part): issue 12's browser targets, measured by Chromium in pages of the
 * production build served by the real server over the simulator. Prints one PASS/FAIL line per
 * target (server/bench/targets.ts) and writes bench/results/browser-*.json. `BENCH_QUICK=1`:
 * small sizes and few ticks (about two minutes). Asserts nothing; the exit status says only
 * whether every figure was measured.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { atMost, printTargets, type Target } from '../../server/bench/targets.js';
import { namespaceBench, type NamespaceResult } from './namespaceBench.js';
import { wallBench, type WallResult } from './wallBench.js';

/** `BENCH_RESULTS_DIR` (tests): somewhere else than the committed results. */
const RESULTS = process.env.BENCH_RESULTS_DIR
  ? pathToFileURL(`${process.env.BENCH_RESULTS_DIR}/`)
  : new URL('../../bench/results/', import.meta.url);
const quick = process.env.BENCH_QUICK === '1';

const scale = quick
  ? { pods: 2000, loads: 3, sorts: 2, nodes: 300, nodePods: 3000, ticks: 24 }
  : { pods: 10_000, loads: 5, sorts: 3, nodes: 5000, nodePods: 15_000, ticks: 480 };
/** `BENCH_WALL_TICKS=N`: fewer (or more) wall-screen ticks, e.g. on a busy machine. */
if (/^\d+$/.test(process.env.BENCH_WALL_TICKS ?? ''))
  scale.ticks = Number(process.env.BENCH_WALL_TICKS);
/** The fastest resolution the server keeps up with at 5,000 nodes (one tick a second). */
const RESOLUTION = '1s';
/** DOM rows allowed in the pod table: what a tall window shows plus the overscan. */
const MAX_DOM_ROWS = 200;
/**
 * Tab memory is flat when the heap after GC grows by at most this share (or 5 MiB) over the
 * second half of the run (see `WallResult.heapSecondHalfGrowthMiB`).
 */
const HEAP_GROWTH_SHARE = 0.1;

function namespaceTargets(ns: NamespaceResult): Target[] {
  return [
    {
      what: `${ns.pods}-pod namespace in the browser: interactive after data (pods response end → table drawn and a click on Name handled, median of ${ns.loads} cold loads)`,
      figure: `${ns.interactiveMedianMs} ms (table painted ${ns.tablePaintedMs.join('/')} ms; main-thread CPU per load ${ns.loadCpuMedianMs} ms)`,
      target: '<= 1000 ms',
      pass: atMost(ns.interactiveMedianMs, 1000),
    },
    {
      what: `${ns.pods}-pod namespace: sort (header click → re-sorted table painted, worst column median)`,
      figure: `${ns.sortWorstColumnMedianMs} ms (${Object.entries(ns.sortMedianByColumnMs)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}; all ${ns.sortMedianMs} ms; main-thread CPU per sort ${ns.sortCpuMedianMs} ms)`,
      target: '<= 150 ms',
      pass: atMost(ns.sortWorstColumnMedianMs, 150),
    },
    {
      what: `${ns.pods}-pod namespace: DOM rows (most <tr> in the table, also scrolled to the end)`,
      figure: `${ns.maxDomRows} rows for ${ns.pods} pods`,
      target: `<= ${MAX_DOM_ROWS} rows`,
      pass: ns.maxDomRows > 0 && atMost(ns.maxDomRows, MAX_DOM_ROWS),
    },
  ];
}

function wallTargets(wall: WallResult): Target[] {
  const heapLimit = Math.max(5, wall.heapSecondHalfStartMiB * HEAP_GROWTH_SHARE);
  return [
    {
      what: `wall screen at ${wall.nodes} nodes: tick re-render (sample arrival → painted commit, median of ${wall.ticksMeasured} ticks)`,
      figure: `${wall.tickMedianMs} ms (p95 ${wall.tickP95Ms} ms, max ${wall.tickMaxMs} ms, longest task median ${wall.longestTaskMedianMs} ms; main-thread CPU per tick ${wall.cpuPerTickMs} ms)`,
      target: '<= 100 ms',
      pass: atMost(wall.tickMedianMs, 100),
    },
    {
      what: `wall screen at ${wall.nodes} nodes: tab memory over ${wall.heap.at(-1)![0]} ticks of ${wall.resolution} (JS heap after GC; 480 ticks = 2 h of 15 s)`,
      figure: `${wall.heapSecondHalfGrowthMiB} MiB growth over the second half (${wall.heapSecondHalfStartMiB} → ${wall.heapEndMiB} MiB; whole run ${wall.heapStartMiB} → ${wall.heapEndMiB} MiB, ${wall.heapSlopeKiBPerTick} KiB per tick)`,
      target: `second-half growth <= ${Math.round(heapLimit * 10) / 10} MiB: 5 MiB or ${HEAP_GROWTH_SHARE * 100} % of its start, the larger`,
      pass: atMost(wall.heapSecondHalfGrowthMiB, heapLimit),
    },
  ];
}

/**
 * `BENCH_BROWSER_PART=namespace` or `wall`: that part alone (while working on it); its
 * results file is written as in a full run.
 */
const part = process.env.BENCH_BROWSER_PART ?? 'all';
if (!['all', 'namespace', 'wall'].includes(part)) throw new Error(`BENCH_BROWSER_PART=${part}?`);
mkdirSync(RESULTS, { recursive: true });
const date = new Date().toISOString();
const targets: Target[] = [];
if (part !== 'wall') {
  console.log(`\n== browser: ${scale.pods}-pod namespace ==`);
  const ns = await namespaceBench(scale.pods, scale.loads, scale.sorts);
  console.log(JSON.stringify(ns));
  targets.push(...namespaceTargets(ns));
  writeFileSync(
    new URL(`browser-namespace-${ns.pods}.json`, RESULTS),
    JSON.stringify({ date, ...ns }, null, 2) + '\n',
  );
}
if (part !== 'namespace') {
  console.log(`\n== browser: wall screen, ${scale.nodes} nodes, ${scale.ticks} ticks ==`);
  const wall = await wallBench(scale.nodes, scale.nodePods, scale.ticks, RESOLUTION);
  console.log(JSON.stringify({ ...wall, heap: undefined }));
  targets.push(...wallTargets(wall));
  writeFileSync(
    new URL(`browser-wall-${wall.nodes}.json`, RESULTS),
    JSON.stringify({ date, ...wall }, null, 2) + '\n',
  );
}
printTargets(`browser (${quick ? 'quick' : 'full'})`, targets);
process.exit(0);
