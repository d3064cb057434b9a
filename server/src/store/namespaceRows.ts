import type { NamespaceRow } from '@kubeglance/shared/api';
import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import type { Inventory, MetricsSample } from '../kube/types.js';
import { indexInventory, millicoresOrNull } from './inventoryIndex.js';
import { indexSample } from './sampleIndex.js';

/**
 * One row per namespace (listed, or referred to by a pod), sorted by name.
 *
 * - `pods`: every pod of the namespace in the inventory, whatever its phase (as `kubectl get
 *   pods` lists them).
 * - usage: sum over the namespace's pods present in the sample, rounded once
 *   (ceil(sum nanocores / 1e6)); `null` when none of its pods has metrics — never 0.
 * - requests/limits: sums over non-terminated pods of the values that are set. A container
 *   without a limit contributes nothing, so `limitMillicores`/`limitBytes` cover only the
 *   limits that exist (the namespace may still be able to use more); `podsWithoutCpuLimit` /
 *   `podsWithoutMemoryLimit` say how many pods are unbounded.
 * - `podsWithMetrics` of `activePods`: usage over partial data says so.
 */
export function namespaceRows(inventory: Inventory, sample: MetricsSample | null): NamespaceRow[] {
  const index = indexInventory(inventory);
  const usage = sample ? indexSample(sample).namespaces : undefined;
  return index.namespaceNames.map((name) => {
    const load = index.namespaceLoad.get(name)!;
    const used = usage?.get(name);
    return {
      name,
      pods: load.pods,
      activePods: load.activePods,
      podsWithMetrics: used?.pods.size ?? 0,
      podsWithoutCpuLimit: load.podsWithoutCpuLimit,
      podsWithoutMemoryLimit: load.podsWithoutMemoryLimit,
      cpu: {
        usageMillicores: used ? cpuMillicoresKubectl(used.cpuNanocores) : null,
        requestMillicores: cpuMillicoresKubectl(load.cpuRequestNanocores),
        limitMillicores: millicoresOrNull(load.cpuLimitNanocores),
      },
      memory: {
        usageBytes: used ? used.memoryBytes : null,
        requestBytes: load.memoryRequestBytes,
        limitBytes: load.memoryLimitBytes,
      },
    };
  });
}
