import type { ClusterStatus, Summary } from '@kubeglance/shared/api';
import {
  cpuMillicoresKubectl,
  cpuPercentKubectl,
  memoryPercentKubectl,
} from '@kubeglance/shared/format';
import type { Inventory, MetricsSample } from '../kube/types.js';
import { indexInventory, millicoresOrNull } from './inventoryIndex.js';
import { findPod, indexSample, type SampleIndex } from './sampleIndex.js';

/** What the summary needs that is not derived from inventory or sample. */
export interface SummaryMeta {
  cluster: string;
  simulated: boolean;
  status: ClusterStatus;
  stale: boolean;
}

/**
 * Cluster totals.
 *
 * - usage: sum over every node in the sample, rounded once (the cluster history series uses
 *   the same definition, so the chart's last point equals the tile); `null` without node metrics.
 * - percent: kubectl-style truncated percent over the nodes that have both metrics and an
 *   inventory entry, so nodes missing from metrics-server neither count as idle nor dilute it
 *   (`nodes.withMetrics` says how many that is).
 * - reporting: allocatable of those nodes, so a screen can print usage against it.
 * - allocatable/capacity: all inventory nodes. requests/limits: non-terminated pods bound to a
 *   node (what the nodes carry; limits only where set).
 * - pods: running/pending by phase; `withMetrics` counts inventory pods present in the sample.
 */
export function summary(
  inventory: Inventory,
  sample: MetricsSample | null,
  meta: SummaryMeta,
): Summary {
  const { totals } = indexInventory(inventory);
  const s = sample ? indexSample(sample) : null;
  const matched = matchedNodes(inventory, s);
  const hasUsage = s !== null && s.nodes.size > 0;
  const hasPercent = matched.nodes > 0;
  return {
    cluster: meta.cluster,
    simulated: meta.simulated,
    status: meta.status,
    timestampMs: sample?.timestampMs ?? null,
    stale: meta.stale,
    nodes: { total: inventory.nodes.size, ready: totals.nodesReady, withMetrics: matched.nodes },
    pods: {
      total: inventory.pods.size,
      running: totals.podsRunning,
      pending: totals.podsPending,
      withMetrics: podsWithMetrics(inventory, s),
    },
    reporting: {
      allocatableMillicores: cpuMillicoresKubectl(matched.cpuAlloc),
      allocatableBytes: matched.memAlloc,
    },
    cpu: {
      usageMillicores: hasUsage ? cpuMillicoresKubectl(s.nodeCpuNanocores) : null,
      requestMillicores: cpuMillicoresKubectl(totals.scheduled.cpuRequestNanocores),
      limitMillicores: millicoresOrNull(totals.scheduled.cpuLimitNanocores),
      allocatableMillicores: cpuMillicoresKubectl(totals.allocatable.cpuNanocores),
      capacityMillicores: cpuMillicoresKubectl(totals.capacity.cpuNanocores),
      percent: hasPercent ? cpuPercentKubectl(matched.cpuUsage, matched.cpuAlloc) : null,
    },
    memory: {
      usageBytes: hasUsage ? s.nodeMemoryBytes : null,
      requestBytes: totals.scheduled.memoryRequestBytes,
      limitBytes: totals.scheduled.memoryLimitBytes,
      allocatableBytes: totals.allocatable.memoryBytes,
      capacityBytes: totals.capacity.memoryBytes,
      percent: hasPercent ? memoryPercentKubectl(matched.memUsage, matched.memAlloc) : null,
    },
  };
}

/** Usage and allocatable summed over the inventory nodes that appear in the sample. */
function matchedNodes(inventory: Inventory, s: SampleIndex | null) {
  const matched = { nodes: 0, cpuUsage: 0, cpuAlloc: 0, memUsage: 0, memAlloc: 0 };
  if (!s) return matched;
  for (const node of inventory.nodes.values()) {
    const usage = s.nodes.get(node.name);
    if (!usage) continue;
    matched.nodes++;
    matched.cpuUsage += usage.cpuNanocores;
    matched.cpuAlloc += node.allocatable.cpuNanocores;
    matched.memUsage += usage.memoryBytes;
    matched.memAlloc += node.allocatable.memoryBytes;
  }
  return matched;
}

function podsWithMetrics(inventory: Inventory, s: SampleIndex | null): number {
  let count = 0;
  if (!s) return 0;
  for (const pod of inventory.pods.values()) if (findPod(s, pod.namespace, pod.name)) count++;
  return count;
}
