/**
 * Store benchmark: fills a HistoryStore for a full retention window of a synthetic cluster
 * (with pod churn) and prints memory and timings. Prints numbers; asserts nothing.
 *
 *   npx tsx server/bench/store.ts            # 1000 nodes / 30000 pods, then 5000 / 150000
 *   npx tsx server/bench/store.ts 200 6000   # one custom size
 *   BENCH_QUICK=1 or BENCH_SIZE=NxM          # the sizes run.ts runs (scales.ts)
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  podKey,
  type Inventory,
  type MetricsSample,
  type NamespaceInfo,
  type PodInfo,
} from '../src/kube/types.js';
import { HistoryStore } from '../src/store/history.js';
import { indexInventory } from '../src/store/inventoryIndex.js';
import { indexSample } from '../src/store/sampleIndex.js';
import { Snapshot } from '../src/store/snapshot.js';
import { container, GI, MI, node, pod } from '../src/store/testFixtures.js';
import { benchSizes } from './scales.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const RESOLUTION_MS = 15_000;
const RETENTION_MS = 3_600_000;
const CHURN_PER_TICK = 0.001; // 0.1% of pods replaced every tick (~27% per hour)

/** Deterministic PRNG (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Cluster {
  inventory: Inventory & { version: number };
  pods: Map<string, PodInfo>;
  nextPod: number;
}

function makeCluster(nodes: number, pods: number, rnd: () => number): Cluster {
  const nodeMap = new Map(
    Array.from({ length: nodes }, (_, i) => {
      const n = node(`node-${i}`, { allocatable: { cpuNanocores: 32e9, memoryBytes: 128 * GI } });
      return [n.name, n] as const;
    }),
  );
  const podMap = new Map<string, PodInfo>();
  const namespaces = Math.max(1, Math.round(pods / 300));
  const nsMap = new Map<string, NamespaceInfo>();
  for (let i = 0; i < namespaces; i++) {
    nsMap.set(`ns-${i}`, { name: `ns-${i}`, phase: 'Active', createdMs: 0 });
  }
  const c: Cluster = {
    inventory: { nodes: nodeMap, pods: podMap, namespaces: nsMap, version: 0 },
    pods: podMap,
    nextPod: 0,
  };
  for (let i = 0; i < pods; i++) addPod(c, nodes, namespaces, rnd);
  return c;
}

function addPod(c: Cluster, nodes: number, namespaces: number, rnd: () => number): void {
  const i = c.nextPod++;
  const containers = 1 + Math.floor(rnd() * 3); // 1..3, mean 2
  const p = pod(`ns-${i % namespaces}`, `pod-${i}`, {
    node: `node-${Math.floor(rnd() * nodes)}`,
    containers: Array.from({ length: containers }, (_, k) =>
      container(`c${k}`, { cpuRequestNanocores: 100e6, memoryRequestBytes: 128 * MI }),
    ),
  });
  c.pods.set(podKey(p.namespace, p.name), p);
}

function churn(c: Cluster, nodes: number, namespaces: number, rnd: () => number): void {
  const replace = Math.round(c.pods.size * CHURN_PER_TICK);
  const keys = c.pods.keys();
  for (let i = 0; i < replace; i++) c.pods.delete(keys.next().value!);
  for (let i = 0; i < replace; i++) addPod(c, nodes, namespaces, rnd);
  c.inventory.version++;
}

function makeSample(c: Cluster, timestampMs: number, rnd: () => number): MetricsSample {
  const nodeUsage = new Map<string, { cpu: number; mem: number }>();
  const pods = [...c.pods.values()].map((p) => {
    const containers = p.containers.map((spec) => ({
      name: spec.name,
      cpuNanocores: Math.floor(rnd() * 400e6),
      memoryBytes: (10_240 + Math.floor(rnd() * 500_000)) * 1024, // whole KiB, as metrics-server
    }));
    const u = nodeUsage.get(p.node!) ?? { cpu: 0, mem: 0 };
    for (const x of containers) {
      u.cpu += x.cpuNanocores;
      u.mem += x.memoryBytes;
    }
    nodeUsage.set(p.node!, u);
    return { namespace: p.namespace, name: p.name, containers, timestampMs, windowMs: 15_000 };
  });
  const nodes = [...c.inventory.nodes.keys()].map((name) => {
    const u = nodeUsage.get(name) ?? { cpu: 0, mem: 0 };
    return {
      name,
      cpuNanocores: u.cpu + 1e9,
      memoryBytes: u.mem + 4 * GI,
      timestampMs,
      windowMs: 15_000,
    };
  });
  return { timestampMs, nodes, pods };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;

function run(nodes: number, podCount: number): void {
  const rnd = random(nodes * 7 + podCount);
  const cluster = makeCluster(nodes, podCount, rnd);
  const namespaces = cluster.inventory.namespaces.size;
  const store = new HistoryStore({ retentionMs: RETENTION_MS, resolutionMs: RESOLUTION_MS });
  const ticks = RETENTION_MS / RESOLUTION_MS;
  gc();
  const before = process.memoryUsage();
  const sampleIndexMs: number[] = [];
  const appendMs: number[] = [];
  const indexMs: number[] = [];
  const aggregateMs: number[] = [];
  const written: number[] = [];
  for (let t = 1; t <= ticks; t++) {
    churn(cluster, nodes, namespaces, rnd);
    const sample = makeSample(cluster, t * RESOLUTION_MS, rnd);
    let t0 = performance.now();
    indexSample(sample); // memoised: append and the snapshot below reuse it
    sampleIndexMs.push(performance.now() - t0);
    t0 = performance.now();
    store.append(sample);
    appendMs.push(performance.now() - t0);
    const containers = sample.pods.reduce((n, p) => n + p.containers.length, 0);
    written.push(2 * (1 + nodes + namespaces + sample.pods.length + containers));
    t0 = performance.now();
    indexInventory(cluster.inventory);
    indexMs.push(performance.now() - t0);
    t0 = performance.now();
    const snap = new Snapshot(cluster.inventory, sample, t * RESOLUTION_MS);
    snap.nodes();
    snap.namespaces();
    snap.summary({ cluster: 'bench', simulated: true, status: undefined!, stale: false });
    snap.topPods({ sort: 'cpu', limit: 10 });
    snap.topPods({ sort: 'memory', limit: 10 });
    snap.pods('ns-0');
    aggregateMs.push(performance.now() - t0);
  }
  gc();
  const after = process.memoryUsage();
  const stats = store.stats();
  const values = written.reduce((a, b) => a + b, 0);
  const q0 = performance.now();
  const key = [...cluster.pods.values()][0]!;
  for (let i = 0; i < 100; i++)
    store.query('pod', { namespace: key.namespace, pod: key.name }, RETENTION_MS);
  const queryMs = (performance.now() - q0) / 100;

  const heap = after.heapUsed - before.heapUsed;
  const lines = [
    `\n${nodes} nodes / ${podCount} pods / ${namespaces} namespaces, ${ticks} ticks, churn ${CHURN_PER_TICK * 100}%/tick`,
    `  series ${stats.series}, slots ${stats.slots}, typed-array bytes ${mb(stats.bytes)}`,
    `  bytes per stored value: ${(stats.bytes / values).toFixed(2)} (${values} values written in the window)`,
    `  bytes per series-slot pair: ${(stats.bytes / (stats.series * stats.slots * 2)).toFixed(2)}`,
    `  after GC: JS heap +${mb(heap)} (~${Math.round(heap / stats.series)} B/series for keys and entries), array buffers +${mb(after.arrayBuffers - before.arrayBuffers)}, RSS ${mb(after.rss)}`,
    `  sample indexing median ${ms(median(sampleIndexMs))} (once per sample, shared with the rows)`,
    `  append median ${ms(median(appendMs))} (p95 ${ms(pct(appendMs, 95))})`,
    `  inventory index (rebuilt per version) median ${ms(median(indexMs))}`,
    `  aggregation median ${ms(median(aggregateMs))} (nodes, namespaces, summary, top10 ×2, one ns of pods)`,
    `  pod 1h query ${ms(queryMs)}`,
  ];
  console.log(lines.join('\n'));
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

const [argNodes, argPods] = process.argv.slice(2).map(Number);
// Arguments, else BENCH_SIZE / BENCH_QUICK as for run.ts.
const sizes: [number, number][] = argNodes && argPods ? [[argNodes, argPods]] : benchSizes();
for (const [n, p] of sizes) run(n, p);
