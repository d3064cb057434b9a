import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiErrorBody,
  ClusterInfo,
  HistoryResponse,
  ListResponse,
  NamespaceRow,
  NodeRow,
  PodRow,
  SampledListResponse,
  Summary,
  TopPod,
} from '@kubeglance/shared/api';
import { cpuMillicoresKubectl, cpuPercentKubectl } from '@kubeglance/shared/format';
import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import { parsePod } from '../src/kube/parseInventory.js';
import { eventually, simGet, startHarness, type Harness } from './harness.js';

interface RawNode {
  status: {
    allocatable: { cpu: string; memory: string };
    capacity: { cpu: string; memory: string };
    conditions: { type: string; status: string }[];
  };
}
interface RawPod {
  spec: { nodeName?: string };
  status: { phase: string };
}
interface NodeMetricsList {
  items: { timestamp: string; usage: { cpu: string; memory: string } }[];
}

let h: Harness;
const base = () => `/api/v1/clusters/${h.cluster}`;

beforeAll(async () => {
  h = await startHarness();
  await eventually(
    async () => {
      const { body } = await h.get<Summary>(`${base()}/summary`);
      return body.timestampMs !== null && body.status.inventorySynced;
    },
    20_000,
    'first sample',
  );
});
afterAll(() => h?.stop());

describe('cluster endpoints on the simulator', () => {
  it('lists the cluster as simulated with its status', async () => {
    const { status, body } = await h.get<ListResponse<ClusterInfo>>('/api/v1/clusters');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      name: h.cluster,
      simulated: false,
      status: { state: 'ok', metrics: 'ok' },
    });
    expect(body.items[0]?.server).toBe(h.sim.url);
  });

  it('summarises the whole cluster with the exact totals of the simulator', async () => {
    const nodes = h.sim.cluster.store.list('nodes') as unknown as RawNode[];
    const pods = h.sim.cluster.store.list('pods') as unknown as RawPod[];
    // Read the summary and the simulator's node metrics until both are of the same sample.
    const { body, metrics } = await eventually(
      async () => {
        const m = await simGet<NodeMetricsList>(h.sim, '/apis/metrics.k8s.io/v1beta1/nodes');
        const { body: b } = await h.get<Summary>(`${base()}/summary`);
        const ts = Math.max(...m.items.map((i) => Date.parse(i.timestamp)));
        return b.timestampMs === ts ? { body: b, metrics: m } : undefined;
      },
      20_000,
      'a summary of the sample the simulator serves',
    );
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const scheduled = pods.filter(
      (p) => p.spec.nodeName && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed',
    );
    // Per pod, Kubernetes' effective values (init containers and sidecars included, tested in
    // podResources.test.ts); the filtering and summing over pods is recomputed here.
    const effective = scheduled.map((p) => parsePod(p).resources);
    const set = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
    const cpuRequests = set(effective.map((r) => r.requests.cpuNanocores));
    const memRequests = set(effective.map((r) => r.requests.memoryBytes));
    const cpuLimits = set(effective.map((r) => r.limits.cpuNanocores));
    const memLimits = set(effective.map((r) => r.limits.memoryBytes));
    const ready = nodes.filter((n) =>
      n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    );

    expect(body.nodes).toEqual({
      total: 6,
      ready: ready.length,
      withMetrics: metrics.items.length,
    });
    expect(body.pods).toMatchObject({
      total: pods.length,
      running: pods.filter((p) => p.status.phase === 'Running').length,
      pending: pods.filter((p) => p.status.phase === 'Pending').length,
    });
    expect(body.cpu).toEqual({
      usageMillicores: cpuMillicoresKubectl(
        sum(metrics.items.map((i) => parseCpuNanocores(i.usage.cpu))),
      ),
      requestMillicores: cpuMillicoresKubectl(sum(cpuRequests)),
      limitMillicores: cpuLimits.length ? cpuMillicoresKubectl(sum(cpuLimits)) : null,
      allocatableMillicores: cpuMillicoresKubectl(
        sum(nodes.map((n) => parseCpuNanocores(n.status.allocatable.cpu))),
      ),
      capacityMillicores: cpuMillicoresKubectl(
        sum(nodes.map((n) => parseCpuNanocores(n.status.capacity.cpu))),
      ),
      percent: body.cpu.percent,
    });
    expect(body.memory).toEqual({
      usageBytes: sum(metrics.items.map((i) => parseMemoryBytes(i.usage.memory))),
      requestBytes: sum(memRequests),
      limitBytes: memLimits.length ? sum(memLimits) : null,
      allocatableBytes: sum(nodes.map((n) => parseMemoryBytes(n.status.allocatable.memory))),
      capacityBytes: sum(nodes.map((n) => parseMemoryBytes(n.status.capacity.memory))),
      percent: body.memory.percent,
    });
    // Percent as kubectl top nodes computes it, over the nodes with metrics (all of them here).
    expect(body.cpu.percent).toBe(
      cpuPercentKubectl(
        sum(metrics.items.map((i) => parseCpuNanocores(i.usage.cpu))),
        sum(nodes.map((n) => parseCpuNanocores(n.status.allocatable.cpu))),
      ),
    );
    expect(body.stale).toBe(false);
  });

  it('serves one row per node with usage and allocatable', async () => {
    const { body } = await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`);
    expect(body.items).toHaveLength(6);
    for (const n of body.items) {
      expect(n.metricsAvailable).toBe(true);
      expect(n.cpu.usageMillicores).toBeGreaterThan(0);
      expect(n.cpu.percent).toBeGreaterThanOrEqual(0);
      expect(n.memory.allocatableBytes).toBeGreaterThan(0);
    }
    expect(body.timestampMs).toBeGreaterThan(0);
  });

  it('serves namespaces with pods, and a namespace drilldown with every pod', async () => {
    const ns = await h.get<SampledListResponse<NamespaceRow>>(`${base()}/namespaces`);
    const system = ns.body.items.find((n) => n.name === 'kube-system');
    expect(system?.pods).toBeGreaterThan(0);
    const pods = await h.get<SampledListResponse<PodRow>>(`${base()}/namespaces/kube-system/pods`);
    expect(pods.status).toBe(200);
    expect(pods.body.items.length).toBe(system?.pods);
    const withMetrics = pods.body.items.filter((p) => p.metrics === 'ok');
    expect(withMetrics.length).toBeGreaterThan(0);
    for (const p of withMetrics) {
      expect(p.containers.length).toBeGreaterThan(0);
      expect(p.cpu.usageMillicores).not.toBeNull();
    }
  });

  it('serves top pods sorted by cpu and by memory', async () => {
    const cpu = await h.get<SampledListResponse<TopPod>>(`${base()}/pods?sort=cpu&limit=5`);
    expect(cpu.body.items).toHaveLength(5);
    const values = cpu.body.items.map((p) => p.cpuMillicores ?? -1);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    const mem = await h.get<SampledListResponse<TopPod>>(
      `${base()}/pods?sort=memory&limit=3&namespace=kube-system`,
    );
    expect(mem.body.items.every((p) => p.namespace === 'kube-system')).toBe(true);
  });

  it('serves history for every scope', async () => {
    const pods = await h.get<SampledListResponse<PodRow>>(`${base()}/namespaces/kube-system/pods`);
    const pod = pods.body.items.find((p) => p.metrics === 'ok')!;
    const node = (await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`)).body.items[0]!;
    const queries = [
      'scope=cluster&range=5m',
      `scope=node&name=${node.name}`,
      'scope=namespace&namespace=kube-system',
      `scope=pod&namespace=kube-system&pod=${pod.name}`,
      `scope=container&namespace=kube-system&pod=${pod.name}&name=${pod.containers[0]!.name}`,
    ];
    for (const q of queries) {
      const { status, body } = await h.get<HistoryResponse>(`${base()}/history?${q}`);
      expect(status, q).toBe(200);
      expect(body.series.map((s) => [s.metric, s.unit])).toEqual([
        ['cpu', 'millicores'],
        ['memory', 'bytes'],
      ]);
      expect(
        body.series[0]!.points.some(([, v]) => v !== null),
        q,
      ).toBe(true);
    }
  });
});

describe('bad input', () => {
  it.each([
    ['/api/v1/clusters/nope/nodes', 404, 'unknown-cluster'],
    ['/api/v1/clusters/itest/namespaces/does-not-exist/pods', 404, 'not-found'],
    ['/api/v1/clusters/itest/namespaces/Bad_NS/pods', 400, 'invalid-path'],
    ['/api/v1/clusters/itest/nodes?x=1', 400, 'invalid-query'],
    ['/api/v1/clusters/itest/pods?sort=disk', 400, 'invalid-query'],
    ['/api/v1/clusters/itest/pods?limit=100000', 400, 'invalid-query'],
    ['/api/v1/clusters/itest/history?scope=pod&namespace=default', 400, 'invalid-query'],
    ['/api/v1/clusters/itest/history?scope=pod&namespace=default&pod=nope', 404, 'not-found'],
    ['/api/v1/clusters/itest/history?scope=cluster&range=1y', 400, 'invalid-query'],
    ['/api/v1/nothing', 404, 'no-such-route'],
    ['/api/v1/stream?clusters=nope', 404, 'unknown-cluster'],
    ['/api/v1/clusters/itest/nodes/no-such-node', 404, 'not-found'],
    ['/api/v1/clusters/itest/nodes/Bad_Name', 400, 'invalid-path'],
  ])('%s → %d %s', async (path, status, code) => {
    const res = await h.get<ApiErrorBody>(path);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).not.toMatch(/at .*\.ts:\d+/);
  });

  it('never proxies arbitrary API paths', async () => {
    const res = await fetch(`${h.server.url}/api/v1/namespaces/default/secrets`);
    expect(res.status).toBe(404);
  });
});

describe('health and metrics', () => {
  it('is alive, ready, and exposes Prometheus metrics', async () => {
    expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.server.url}/readyz`)).status).toBe(200);
    const text = await (await fetch(`${h.server.url}/metrics`)).text();
    expect(text).toMatch(
      /kubeglance_poll_duration_seconds_count\{cluster="itest",phase="fetch"\} \d+/,
    );
    expect(text).toMatch(/kubeglance_history_bytes\{cluster="itest"\} [1-9]/);
    expect(text).toMatch(/kubeglance_sse_clients \d+/);
  });
});
