import type { NodeRow, NodeUsageTuple } from '@kubeglance/shared/api';
import {
  cpuMillicoresKubectl,
  cpuPercentKubectl,
  memoryPercentKubectl,
} from '@kubeglance/shared/format';
import type { Inventory, MetricsSample, NodeInfo, NodeUsage } from '../kube/types.js';
import { indexInventory, millicoresOrNull, type Load } from './inventoryIndex.js';
import { indexSample } from './sampleIndex.js';

/**
 * One row per inventory node, sorted by name. Usage and percent are exactly what
 * `kubectl top nodes` prints for the sample (CPU rounded up to millicores, memory in bytes,
 * percent truncated from millicore values); all usage fields are `null` and
 * `metricsAvailable` false when the node is absent from the sample (or there is no sample).
 * Requests, limits and `pods` cover the node's non-terminated pods (phase not Succeeded/Failed),
 * with effective pod requests/limits: what `kubectl describe node` prints as allocated.
 */
export function nodeRows(inventory: Inventory, sample: MetricsSample | null): NodeRow[] {
  const index = indexInventory(inventory);
  const usage = sample ? indexSample(sample).nodes : undefined;
  return index.nodes.map((node) =>
    nodeRow(node, usage?.get(node.name), index.nodeLoad.get(node.name)),
  );
}

function nodeRow(node: NodeInfo, usage: NodeUsage | undefined, load: Load | undefined): NodeRow {
  const { allocatable, capacity } = node;
  return {
    name: node.name,
    ready: node.ready,
    roles: node.roles,
    group: node.group,
    pods: load?.pods ?? 0,
    metricsAvailable: usage !== undefined,
    metricsTimestampMs: usage ? usage.timestampMs : null,
    cpu: {
      usageMillicores: usage ? cpuMillicoresKubectl(usage.cpuNanocores) : null,
      requestMillicores: cpuMillicoresKubectl(load?.cpuRequestNanocores ?? 0),
      limitMillicores: millicoresOrNull(load?.cpuLimitNanocores ?? null),
      allocatableMillicores: cpuMillicoresKubectl(allocatable.cpuNanocores),
      capacityMillicores: cpuMillicoresKubectl(capacity.cpuNanocores),
      percent: usage ? cpuPercentKubectl(usage.cpuNanocores, allocatable.cpuNanocores) : null,
    },
    memory: {
      usageBytes: usage ? usage.memoryBytes : null,
      requestBytes: load?.memoryRequestBytes ?? 0,
      limitBytes: load?.memoryLimitBytes ?? null,
      allocatableBytes: allocatable.memoryBytes,
      capacityBytes: capacity.memoryBytes,
      percent: usage ? memoryPercentKubectl(usage.memoryBytes, allocatable.memoryBytes) : null,
    },
  };
}

/** Compact per-node usage for SSE: `[name, cpuMillicores, memoryBytes, cpu%, memory%, ts]`. */
export function nodeUsageTuples(nodes: readonly NodeRow[]): NodeUsageTuple[] {
  return nodes.map((n) => [
    n.name,
    n.cpu.usageMillicores,
    n.memory.usageBytes,
    n.cpu.percent,
    n.memory.percent,
    n.metricsTimestampMs,
  ]);
}
