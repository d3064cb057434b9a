/**
 * Where the server's memory goes: starts the simulator in its own process, then in this
 * process adds one part at a time (informer caches, one parsed poll, a full hour of history,
 * the rows every screen shares) and prints the growth of RSS, the JS heap and array buffers
 * after a full GC for each. Prints numbers; asserts nothing.
 *
 *   npx tsx server/bench/memorySplit.ts 1000 30000
 */
import { loadavg } from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { kubeconfigTargets } from '../src/kube/clusterTargets.js';
import { InventoryWatcher } from '../src/kube/inventoryWatcher.js';
import { MetricsParser } from '../src/kube/metricsParser.js';
import { DEFAULT_INFORMER_TIMING } from '../src/kube/resourceInformer.js';
import { SampleMerger } from '../src/kube/sampleMerger.js';
import type { MetricsSample } from '../src/kube/types.js';
import { Upstream } from '../src/kube/upstream.js';
import { HistoryStore } from '../src/store/history.js';
import { Snapshot } from '../src/store/snapshot.js';
import { spawnSim } from './simProcess.js';
import { varySample } from './varySample.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Reading {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  arrayBuffers: number;
  external: number;
}

function read(): Reading {
  gc();
  gc();
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapTotal: m.heapTotal,
    heapUsed: m.heapUsed,
    arrayBuffers: m.arrayBuffers,
    external: m.external,
  };
}

const mib = (b: number) => (b / 2 ** 20).toFixed(1).padStart(7);
let last = read();
const first = last;
function step(what: string): void {
  const now = read();
  const d = (k: keyof Reading) => mib(now[k] - last[k]);
  console.log(
    `${what.padEnd(34)} RSS ${d('rss')}  heap ${d('heapUsed')} (committed ${d('heapTotal')})  arrayBuffers ${d('arrayBuffers')}  (RSS now ${mib(now.rss)} MiB)`,
  );
  last = now;
}

const [nodes = 1000, pods = 30_000] = process.argv.slice(2).map(Number);
const sim = await spawnSim({
  name: 'mem',
  nodes,
  pods,
  namespaces: 40,
  churn: 0,
  resolution: '15s',
});
console.log(
  `${nodes} nodes / ${pods} pods, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
step('process + modules (baseline)');
const [target] = kubeconfigTargets(sim.kubeconfigPath, [], false, true);
const upstream = new Upstream(target!.kubeConfig, target!.server);
const watcher = new InventoryWatcher(
  upstream,
  { changed: () => undefined, failed: (e) => console.error(e), recovered: () => undefined },
  { ...DEFAULT_INFORMER_TIMING, listTimeoutMs: 300_000 },
);
watcher.start();
while (!watcher.synced) await new Promise((r) => setTimeout(r, 50));
step('informer caches (nodes, pods, ns)');

const parser = new MetricsParser();
const NODES = '/apis/metrics.k8s.io/v1beta1/nodes';
const PODS = '/apis/metrics.k8s.io/v1beta1/pods';
const [n, p] = await Promise.all([
  upstream.getWire(NODES, { timeoutMs: 120_000 }).then((r) => parser.nodes(r, NODES)),
  upstream.getWire(PODS, { timeoutMs: 120_000 }).then((r) => parser.pods(r, PODS)),
]);
const sample: MetricsSample = new SampleMerger().merge(n.items, p.items, Date.now()).sample!;
step('one poll (sample + parse worker)');
if (process.env.CLOSE_PARSER) {
  await parser.close();
  step('parse worker terminated');
}

const history = new HistoryStore({ retentionMs: 3_600_000, resolutionMs: 15_000 });
const slots = Math.ceil(history.retentionMs / history.resolutionMs);
let s = sample;
for (let i = 0; i < slots; i++) {
  s = varySample(s, sample.timestampMs + i * 15_000, i);
  history.append(s, watcher.inventory);
}
const stats = history.stats();
step(`history: 1 h (${stats.series} series)`);
console.log(`  history typed arrays ${mib(stats.bytes)} MiB`);
if (process.env.HISTORY_LAYOUT) {
  // Internals, for diagnosis only: open-block encodings and packed-block modes per table.
  const tables = history as unknown as Record<string, { table: { chunks: unknown[][] } }>;
  for (const name of ['aggregates', 'workloads']) {
    const counts: Record<string, number> = {};
    for (const col of tables[name]!.table.chunks) {
      for (const c of col as ({ raw: object; meta: Uint32Array } | null)[]) {
        if (!c) continue;
        const modes = c.meta.subarray((2 * c.meta.length) / 3);
        const k = `${c.raw.constructor.name} f64-blocks=${modes.filter((m) => m === 1).length}`;
        counts[k] = (counts[k] ?? 0) + 1;
      }
    }
    console.log(`  ${name}: ${JSON.stringify(counts)}`);
  }
}

const snap = new Snapshot(watcher.inventory, s, Date.now());
const rows = [snap.nodes(), snap.namespaces(), snap.topPods({ sort: 'cpu', limit: 10 })];
step('rows (nodes, namespaces, top pods)');
console.log(
  `total RSS ${mib(last.rss)} MiB (growth over baseline ${mib(last.rss - first.rss)} MiB)`,
);
console.log(
  `heap: ${JSON.stringify(v8.getHeapSpaceStatistics().map((x) => [x.space_name, Math.round(x.space_used_size / 2 ** 20)]))}`,
);
void rows;
if (process.env.HEAP_SNAPSHOT) v8.writeHeapSnapshot(process.env.HEAP_SNAPSHOT);
watcher.stop();
await parser.close();
await sim.stop();
process.exit(0);
