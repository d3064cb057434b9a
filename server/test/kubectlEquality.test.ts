import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMemoryKubectl, formatMillicoresKubectl } from '@kubeglance/shared/format';
import type { PodRow, SampledListResponse, NodeRow } from '@kubeglance/shared/api';
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
  // The frozen sample's timestamp, read from the simulator itself; wait until kubeglance has it.
  const frozen = await simGet<{ items: { timestamp: string }[] }>(
    h.sim,
    '/apis/metrics.k8s.io/v1beta1/nodes',
  );
  const frozenMs = Date.parse(frozen.items[0]!.timestamp);
  await eventually(
    async () =>
      (await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`)).body.timestampMs === frozenMs,
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
});
