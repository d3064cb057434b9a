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
import { eventually, startHarness, type Harness } from './harness.js';

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

  it('summarises the whole cluster', async () => {
    const { body } = await h.get<Summary>(`${base()}/summary`);
    expect(body.nodes.total).toBe(6);
    expect(body.pods.total).toBeGreaterThan(0);
    expect(body.cpu.usageMillicores).toBeGreaterThan(0);
    expect(body.cpu.allocatableMillicores).toBeLessThan(body.cpu.capacityMillicores);
    expect(body.memory.usageBytes).toBeGreaterThan(0);
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
