/**
 * The cAdvisor fallback through a real Prometheus: six hours of the simulator's
 * `/metrics/cadvisor` backfilled with promtool, then live scrapes of that page only (no
 * `/metrics/resource` anywhere). The page carries every cgroup row a real kubelet's does —
 * root, /kubepods, system slices, pod-level cgroups, sandboxes as `container=""` (containerd)
 * and `container="POD"` (dockershim) — and kubeglance must sum only the containers.
 */
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResponse } from '@kubeglance/shared/api';
import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import { startSim } from '@kubeglance/sim/index';
import { parseConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import type { Sim } from './harness.js';
import { startPrometheus, type RunningProm } from './prometheusHarness.js';

const HOUR = 3_600_000;
const RESOLUTION_MS = 5000;
const BACKFILL_STEP_MS = 60_000;
/** `--prometheus-scrape-interval 1m`: rate windows of 4 backfilled samples. */
const WINDOW_MS = 4 * BACKFILL_STEP_MS;

let sim: Sim;
let prom: RunningProm;
let server: RunningServer;

interface Scope {
  query: string;
  /** The scope's CPU (cores) and working set (bytes) at one tick, from the generator. */
  at: (tick: number) => { cores: number; bytes: number };
  /** Times whose whole window the scope's containers existed for. */
  validFrom: number;
}

function sumAt(tick: number, pick: (ns: string, pod: string, container: string) => boolean) {
  const s = sim.cluster.metrics.sampleAt(tick);
  let nano = 0;
  let bytes = 0;
  for (const p of s.pods) {
    for (const c of p.containers) {
      if (!pick(p.metadata.namespace!, p.metadata.name, c.name)) continue;
      nano += parseCpuNanocores(c.usage.cpu);
      bytes += parseMemoryBytes(c.usage.memory);
    }
  }
  return { cores: nano / 1e9, bytes };
}

function nodeSumAt(tick: number) {
  let nano = 0;
  let bytes = 0;
  for (const n of sim.cluster.metrics.sampleAt(tick).nodes) {
    nano += parseCpuNanocores(n.usage.cpu);
    bytes += parseMemoryBytes(n.usage.memory);
  }
  return { cores: nano / 1e9, bytes };
}

async function history(query: string): Promise<HistoryResponse> {
  const res = await fetch(`${server.url}/api/v1/clusters/${sim.name}/history?${query}&range=6h`);
  expect(res.status, query).toBe(200);
  return (await res.json()) as HistoryResponse;
}

beforeAll(async () => {
  sim = await startSim({
    name: 'cadvisor',
    nodes: 3,
    pods: 18,
    namespaces: 2,
    seed: 8,
    resolutionMs: RESOLUTION_MS,
    churnPerMinute: 0,
    port: 0,
  });
  prom = await startPrometheus(sim, {
    backfillMs: 6 * HOUR,
    backfillStepMs: BACKFILL_STEP_MS,
    scrapeIntervalMs: RESOLUTION_MS,
    page: 'cadvisor',
  });
  const args = ['--kubeconfig', sim.kubeconfigPath, '--port', '0', '--log-level', 'silent'];
  server = await startServer(
    parseConfig(
      [
        ...args,
        ...['--static-dir', '/nonexistent', '--prometheus', prom.url],
        ...['--prometheus-scrape-interval', '1m', '--retention', '1m'],
      ],
      {},
    ),
    {},
  );
}, 200_000);

afterAll(async () => {
  await server?.stop();
  await prom?.stop();
  await prom?.dispose();
  await sim?.stop();
});

describe('cAdvisor fallback', () => {
  it('the page has the rows a sum must leave out', async () => {
    const nodes = sim.cluster.store.list('nodes').map((n) => n.metadata.name);
    const page = (n: string) =>
      new Promise<string>((resolve, reject) => {
        const path = `/api/v1/nodes/${n}/proxy/metrics/cadvisor`;
        const headers = { authorization: `Bearer ${sim.token}` };
        https
          .get(`${sim.url}${path}`, { ca: sim.caPem, headers }, (res) => {
            expect(res.statusCode).toBe(200);
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          })
          .on('error', reject);
      });
    const [even, odd] = [await page(nodes[0]!), await page(nodes[1]!)];
    const root =
      /^container_cpu_usage_seconds_total\{container="",id="\/",image="",name="",namespace="",pod="",cpu="total"\} [\d.e+]+ \d+$/m;
    expect(even).toMatch(root);
    expect(even).toMatch(
      /^container_memory_working_set_bytes\{container="",id="\/kubepods\/[a-z]+\/pod[-0-9a-f]+",image="",name="",namespace="[^"]+",pod="[^"]+"\} /m,
    );
    expect(even).toMatch(
      /^container_memory_working_set_bytes\{container="",id="[^"]+\/[0-9a-f]{64}",image="registry.k8s.io\/pause:3.9",name="[0-9a-f]{64}"/m,
    );
    expect(odd).toMatch(/^container_memory_working_set_bytes\{container="POD",id=/m);
    expect(even).not.toMatch(/node_cpu_usage_seconds_total/);
  });

  it('cluster, namespace, pod and container history match the generator (CPU ±1m, memory ±1 B)', async () => {
    const pods = sim.cluster.store.list('pods');
    const nodeIndex = new Map(sim.cluster.store.list('nodes').map((n, i) => [n.metadata.name, i]));
    const created = (p: (typeof pods)[number]) => Date.parse(p.metadata.creationTimestamp);
    const running = pods.filter((p) => (p.status as { phase?: string })?.phase === 'Running');
    // The oldest running pod on a containerd-style node and on a dockershim-style one.
    const oldest = (odd: boolean) =>
      running
        .filter(
          (p) => (nodeIndex.get((p.spec as { nodeName: string }).nodeName)! % 2 === 1) === odd,
        )
        .sort((a, b) => created(a) - created(b))[0]!;
    const scopes: Scope[] = [{ query: 'scope=cluster', at: nodeSumAt, validFrom: 0 }];
    const ns = oldest(false).metadata.namespace!;
    scopes.push({
      query: `scope=namespace&namespace=${ns}`,
      at: (t) => sumAt(t, (n) => n === ns),
      validFrom: Math.max(...pods.filter((p) => p.metadata.namespace === ns).map(created)),
    });
    for (const p of [oldest(false), oldest(true)]) {
      const { namespace, name } = p.metadata;
      const container = (p.spec as { containers: { name: string }[] }).containers[0]!.name;
      scopes.push({
        query: `scope=pod&namespace=${namespace}&pod=${name}`,
        at: (t) => sumAt(t, (n, q) => n === namespace && q === name),
        validFrom: created(p),
      });
      scopes.push({
        query: `scope=container&namespace=${namespace}&pod=${name}&name=${container}`,
        at: (t) => sumAt(t, (n, q, c) => n === namespace && q === name && c === container),
        validFrom: created(p),
      });
    }
    const { fromMs, stepMs } = prom.backfill;
    let compared = 0;
    for (const scope of scopes) {
      const body = await history(scope.query);
      expect(body.resolutionSeconds, scope.query).toBe(30);
      expect(body.spans?.[0]?.source).toBe('prometheus');
      const [cpu, memory] = body.series;
      for (const hoursAgo of [5, 3, 1.5]) {
        const i = cpu!.points.findIndex(([t]) => t >= Date.now() - hoursAgo * HOUR);
        const [t, value] = cpu!.points[i]!;
        if (t - WINDOW_MS - 2 * stepMs < Math.max(scope.validFrom, fromMs)) continue;
        const samples: number[] = [];
        for (let s = fromMs; s <= t; s += stepMs) if (s >= t - WINDOW_MS) samples.push(s);
        const first = samples[0]! / RESOLUTION_MS;
        const last = samples.at(-1)! / RESOLUTION_MS;
        let sum = 0;
        for (let tick = first + 1; tick <= last; tick++) sum += scope.at(tick).cores;
        const expectedCpu = cpuMillicoresKubectl(Math.round((sum / (last - first)) * 1e9));
        expect(value, `${scope.query} cpu ${hoursAgo} h ago`).not.toBeNull();
        expect(
          Math.abs(value! - expectedCpu),
          `${scope.query} cpu ${hoursAgo} h ago`,
        ).toBeLessThanOrEqual(1);
        const mem = samples.map((s) => scope.at(s / RESOLUTION_MS).bytes);
        const expectedMemory = mem.reduce((a, b) => a + b, 0) / mem.length;
        const got = memory!.points[i]![1];
        expect(
          Math.abs(got! - expectedMemory),
          `${scope.query} memory ${hoursAgo} h ago`,
        ).toBeLessThanOrEqual(1);
        compared++;
      }
    }
    // Every scope compared at least once (the pods are older than the points).
    expect(compared).toBeGreaterThanOrEqual(scopes.length);
  });
});
