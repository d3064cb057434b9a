import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMemoryKubectl, formatMillicoresKubectl } from '@kubeglance/shared/format';
import type { NodeDetail, PodRow, SampledListResponse, NodeRow } from '@kubeglance/shared/api';
import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import { eventually, kubectl, simGet, startHarness, type Harness } from './harness.js';

/**
 * The node and pod numbers must be what `kubectl top` prints for the same metrics sample.
 * The simulator's `metrics-stale` fault freezes its sample, so both read the same one.
 * (If kubeglance ever read another sample, every row would differ: the check is strict.)
 */
let h: Harness;
const base = () => `/api/v1/clusters/${h.cluster}`;

beforeAll(async () => {
  h = await startHarness({ nodes: 8, pods: 120, resolutionMs: 1000 });
  await eventually(
    async () => (await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`)).body.timestampMs,
    20_000,
  );
  h.sim.faults.set('metrics-stale');
  // The frozen sample's per-node timestamps, read from the simulator itself; wait until
  // kubeglance holds exactly those for every node.
  const frozen = await simGet<{ items: { metadata: { name: string }; timestamp: string }[] }>(
    h.sim,
    '/apis/metrics.k8s.io/v1beta1/nodes',
  );
  const frozenMs = new Map(frozen.items.map((i) => [i.metadata.name, Date.parse(i.timestamp)]));
  await eventually(
    async () => {
      const { items } = (await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`)).body;
      return items.every((n) => n.metricsTimestampMs === (frozenMs.get(n.name) ?? null));
    },
    20_000,
    'the frozen sample',
  );
});
afterAll(() => h?.stop());

function table(out: string): string[][] {
  return out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
}

describe('kubectl top equality', () => {
  it('nodes: CPU(cores), CPU%, MEMORY(bytes), MEMORY% match kubectl top nodes', async () => {
    const rows = table(await kubectl(h.sim.kubeconfigPath, 'top', 'nodes', '--no-headers'));
    const { body } = await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`);
    expect(rows.length).toBe(body.items.length);
    for (const [name, cpu, cpuPct, mem, memPct] of rows) {
      const n = body.items.find((i) => i.name === name);
      expect(n, name).toBeDefined();
      expect(formatMillicoresKubectl(n!.cpu.usageMillicores!), name).toBe(cpu);
      expect(`${n!.cpu.percent}%`, name).toBe(cpuPct);
      expect(formatMemoryKubectl(n!.memory.usageBytes!), name).toBe(mem);
      expect(`${n!.memory.percent}%`, name).toBe(memPct);
    }
  });

  it('pods and containers match kubectl top pods --containers', async () => {
    const ns = 'kube-system';
    const podRows = table(
      await kubectl(h.sim.kubeconfigPath, 'top', 'pods', '-n', ns, '--no-headers'),
    );
    const ctrRows = table(
      await kubectl(h.sim.kubeconfigPath, 'top', 'pods', '-n', ns, '--containers', '--no-headers'),
    );
    const { body } = await h.get<SampledListResponse<PodRow>>(`${base()}/namespaces/${ns}/pods`);
    expect(podRows.length).toBe(body.items.filter((p) => p.metrics === 'ok').length);
    for (const [name, cpu, mem] of podRows) {
      const p = body.items.find((i) => i.name === name)!;
      expect(formatMillicoresKubectl(p.cpu.usageMillicores!), name).toBe(cpu);
      expect(formatMemoryKubectl(p.memory.usageBytes!), name).toBe(mem);
    }
    expect(ctrRows.length).toBeGreaterThanOrEqual(podRows.length);
    for (const [pod, container, cpu, mem] of ctrRows) {
      const c = body.items
        .find((i) => i.name === pod)!
        .containers.find((x) => x.name === container)!;
      expect(formatMillicoresKubectl(c.cpu.usageMillicores!), `${pod}/${container}`).toBe(cpu);
      expect(formatMemoryKubectl(c.memory.usageBytes!), `${pod}/${container}`).toBe(mem);
    }
  });

  it('every pod and container, sidecars included, matches kubectl top pods -A --containers', async () => {
    const rows = table(
      await kubectl(h.sim.kubeconfigPath, 'top', 'pods', '-A', '--containers', '--no-headers'),
    );
    const pods = new Map<string, PodRow>();
    for (const ns of new Set(rows.map((r) => r[0]!))) {
      const { body } = await h.get<SampledListResponse<PodRow>>(`${base()}/namespaces/${ns}/pods`);
      for (const p of body.items) pods.set(`${ns}/${p.name}`, p);
    }
    let sidecarRows = 0;
    for (const [ns, pod, container, cpu, mem] of rows) {
      const c = pods.get(`${ns}/${pod}`)?.containers.find((x) => x.name === container);
      expect(c, `${ns}/${pod}/${container}`).toBeDefined();
      expect(formatMillicoresKubectl(c!.cpu.usageMillicores!), `${pod}/${container}`).toBe(cpu);
      expect(formatMemoryKubectl(c!.memory.usageBytes!), `${pod}/${container}`).toBe(mem);
      if (c!.kind === 'sidecar') sidecarRows++;
    }
    // The simulator's default workloads run native sidecars; kubectl lists them, and so do we.
    expect(sidecarRows).toBeGreaterThan(0);
    // Pod usage sums every reported container, the sidecar's too (kubectl top pods -A).
    const podRows = table(await kubectl(h.sim.kubeconfigPath, 'top', 'pods', '-A', '--no-headers'));
    for (const [ns, pod, cpu, mem] of podRows) {
      const p = pods.get(`${ns}/${pod}`)!;
      expect(formatMillicoresKubectl(p.cpu.usageMillicores!), `${ns}/${pod}`).toBe(cpu);
      expect(formatMemoryKubectl(p.memory.usageBytes!), `${ns}/${pod}`).toBe(mem);
    }
  });
});

/** `cpu  850m (21%)  2 (50%)` of kubectl describe node's "Allocated resources", parsed. */
function allocatedLine(out: string, resource: 'cpu' | 'memory'): [string, number, string, number] {
  const section = out.slice(out.indexOf('Allocated resources:'));
  const m = new RegExp(
    `^\\s+${resource}\\s+(\\S+) \\((\\d+)%\\)\\s+(\\S+) \\((\\d+)%\\)`,
    'm',
  ).exec(section);
  if (!m) throw new Error(`no ${resource} line in:\n${section}`);
  return [m[1]!, Number(m[2]), m[3]!, Number(m[4])];
}

describe('node page equality', () => {
  it('requests and limits equal kubectl describe node, for every node', async () => {
    const { body: nodes } = await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`);
    // In parallel: one kubectl process per node, each several seconds on a loaded machine.
    const described = await Promise.all(
      nodes.items.map(async ({ name }) => ({
        name,
        out: await kubectl(h.sim.kubeconfigPath, 'describe', 'node', name),
        body: (await h.get<NodeDetail>(`${base()}/nodes/${name}`)).body,
      })),
    );
    for (const { name, out, body } of described) {
      const [cpuReq, cpuReqPct, cpuLim, cpuLimPct] = allocatedLine(out, 'cpu');
      const [memReq, memReqPct, memLim, memLimPct] = allocatedLine(out, 'memory');
      const { cpu, memory } = body.allocated;
      expect([cpu.requests, cpu.requestsPercent, cpu.limits, cpu.limitsPercent], name).toEqual([
        Math.ceil(parseCpuNanocores(cpuReq) / 1e6),
        cpuReqPct,
        Math.ceil(parseCpuNanocores(cpuLim) / 1e6),
        cpuLimPct,
      ]);
      expect(
        [memory.requests, memory.requestsPercent, memory.limits, memory.limitsPercent],
        name,
      ).toEqual([parseMemoryBytes(memReq), memReqPct, parseMemoryBytes(memLim), memLimPct]);
    }
  });

  it('pods equal kubectl get pods --field-selector spec.nodeName, usage equals kubectl top', async () => {
    const { body: nodes } = await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`);
    const name = nodes.items[nodes.items.length - 1]!.name;
    const listed = table(
      await kubectl(
        h.sim.kubeconfigPath,
        'get',
        'pods',
        '-A',
        '--field-selector',
        `spec.nodeName=${name}`,
        '--no-headers',
      ),
    ).map(([ns, pod]) => `${ns}/${pod}`);
    const top = table(await kubectl(h.sim.kubeconfigPath, 'top', 'pods', '-A', '--no-headers'));
    const { body } = await h.get<NodeDetail>(`${base()}/nodes/${name}`);
    expect(body.pods.map((p) => `${p.namespace}/${p.name}`).sort()).toEqual(listed.sort());
    let compared = 0;
    for (const p of body.pods) {
      const row = top.find(([ns, pod]) => ns === p.namespace && pod === p.name);
      if (!row) {
        expect(p.cpu.usageMillicores, p.name).toBeNull();
        continue;
      }
      compared++;
      expect(formatMillicoresKubectl(p.cpu.usageMillicores!), p.name).toBe(row[2]);
      expect(formatMemoryKubectl(p.memory.usageBytes!), p.name).toBe(row[3]);
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('an unknown node is a 404 with a JSON error', async () => {
    const r = await h.get<{ error: { code: string } }>(`${base()}/nodes/no-such-node`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not-found');
  });
});
