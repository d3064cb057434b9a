import type { AllocatedResource, NodeDetail, NodeRow } from '@kubeglance/shared/api';
import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import type { Inventory, MetricsSample } from '../kube/types.js';
import { indexInventory } from './inventoryIndex.js';
import { podRowsOf } from './podRows.js';

/** The parts of a {@link NodeDetail} that come from the inventory and the sample. */
export type NodeFacts = Omit<NodeDetail, 'cluster' | 'timestampMs' | 'stale' | 'status'>;

/**
 * One node as `kubectl describe node` and `kubectl get pods --field-selector spec.nodeName=`
 * show it: its `kubectl top nodes` row, labels, conditions, "Allocated resources" (sums over
 * its non-terminated pods; an unset limit adds 0, as kubectl adds it; percentages truncated
 * from millicores / bytes of allocatable) and every pod bound to it with its usage.
 * `undefined` for a node the inventory does not have.
 */
export function nodeFacts(
  inventory: Inventory,
  sample: MetricsSample | null,
  row: NodeRow | undefined,
  nowMs: number,
): NodeFacts | undefined {
  const info = row && inventory.nodes.get(row.name);
  if (!row || !info) return undefined;
  const index = indexInventory(inventory);
  const load = index.nodeLoad.get(row.name);
  const cpuAlloc = cpuMillicoresKubectl(info.allocatable.cpuNanocores);
  const memAlloc = info.allocatable.memoryBytes;
  const cpuRequests = cpuMillicoresKubectl(load?.cpuRequestNanocores ?? 0);
  const cpuLimits = cpuMillicoresKubectl(load?.cpuLimitNanocores ?? 0);
  return {
    node: row,
    labels: { ...info.labels },
    conditions: info.conditions,
    allocated: {
      cpu: allocated(cpuRequests, cpuLimits, cpuAlloc),
      memory: allocated(load?.memoryRequestBytes ?? 0, load?.memoryLimitBytes ?? 0, memAlloc),
    },
    podsWithoutCpuLimit: load?.podsWithoutCpuLimit ?? 0,
    podsWithoutMemoryLimit: load?.podsWithoutMemoryLimit ?? 0,
    pods: podRowsOf(index.podsByNode.get(row.name) ?? [], sample, nowMs),
  };
}

/** kubectl describe: `int64(float64(req) / float64(allocatable) * 100)`, 0 when nothing is allocatable. */
function allocated(requests: number, limits: number, allocatable: number): AllocatedResource {
  const pct = (v: number) => (allocatable > 0 ? Math.trunc((v / allocatable) * 100) : 0);
  return { requests, limits, requestsPercent: pct(requests), limitsPercent: pct(limits) };
}
