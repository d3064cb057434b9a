import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NamespaceRow, NodeRow, PodRow, SampledListResponse } from '@kubeglance/shared/api';
import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import { eventually, kubectl, startHarness, type Harness } from './harness.js';

/**
 * Node requests and limits must be what the real `kubectl describe node` prints under
 * "Allocated resources" — effective pod requests/limits (native sidecars, classic init
 * containers, RuntimeClass overhead, all in the simulator's default workloads) summed over the
 * node's non-terminated pods. Summing `spec.containers` alone differs on every node that runs
 * a pod with a sidecar or overhead.
 */
let h: Harness;
const base = () => `/api/v1/clusters/${h.cluster}`;

beforeAll(async () => {
  h = await startHarness({ nodes: 6, pods: 150, resolutionMs: 1000 });
  await eventually(
    async () =>
      (await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`)).body.items.length === 6,
    20_000,
    'the node list',
  );
  // The pod informer syncs on its own: with nodes listed, pods may still be missing.
  await eventually(
    async () => {
      const { body } = await h.get<SampledListResponse<NamespaceRow>>(`${base()}/namespaces`);
      return body.items.reduce((sum, ns) => sum + ns.pods, 0) >= 150;
    },
    20_000,
    'the pods',
  );
});
afterAll(() => h?.stop());

interface Allocated {
  cpuRequest: number;
  cpuLimit: number;
  memoryRequest: number;
  memoryLimit: number;
}

/** `cpu  850m (21%)  1 (25%)` lines of each node's "Allocated resources" block. */
function allocatedByNode(out: string): Map<string, Allocated> {
  const result = new Map<string, Allocated>();
  for (const block of out.split(/^Name:\s+/m).slice(1)) {
    const name = block.split('\n')[0]!.trim();
    const row = (resource: string) => {
      const m = new RegExp(
        `^\\s+${resource}\\s+(\\S+) \\(\\d+%\\)\\s+(\\S+) \\(\\d+%\\)`,
        'm',
      ).exec(block.slice(block.indexOf('Allocated resources:')));
      if (!m) throw new Error(`no ${resource} line for ${name}`);
      return [m[1]!, m[2]!] as const;
    };
    const [cpuReq, cpuLim] = row('cpu');
    const [memReq, memLim] = row('memory');
    result.set(name, {
      cpuRequest: cpuMillicoresKubectl(parseCpuNanocores(cpuReq)),
      cpuLimit: cpuMillicoresKubectl(parseCpuNanocores(cpuLim)),
      memoryRequest: parseMemoryBytes(memReq),
      memoryLimit: parseMemoryBytes(memLim),
    });
  }
  return result;
}

describe('kubectl describe node equality', () => {
  it('the workloads include sidecars, init containers and overhead (the test means something)', async () => {
    const namespaces = (await h.get<{ items: { name: string }[] }>(`${base()}/namespaces`)).body
      .items;
    let sidecars = 0;
    for (const ns of namespaces) {
      const { body } = await h.get<SampledListResponse<PodRow>>(
        `${base()}/namespaces/${ns.name}/pods`,
      );
      sidecars += body.items.filter((p) => p.containers.some((c) => c.kind === 'sidecar')).length;
    }
    expect(sidecars).toBeGreaterThan(0);
  });

  it('requests and limits of every node equal "Allocated resources"', async () => {
    const allocated = allocatedByNode(await kubectl(h.sim.kubeconfigPath, 'describe', 'nodes'));
    const { body } = await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`);
    expect([...allocated.keys()].sort()).toEqual(body.items.map((n) => n.name).sort());
    for (const n of body.items) {
      const a = allocated.get(n.name)!;
      expect(
        {
          cpuRequest: n.cpu.requestMillicores,
          cpuLimit: n.cpu.limitMillicores ?? 0,
          memoryRequest: n.memory.requestBytes,
          memoryLimit: n.memory.limitBytes ?? 0,
        },
        n.name,
      ).toEqual(a);
    }
  });
});
