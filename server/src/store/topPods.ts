import type { TopPod } from '@kubeglance/shared/api';
import type { Inventory, MetricsSample } from '../kube/types.js';
import { podKey } from '../kube/types.js';
import { compareNames } from './inventoryIndex.js';
import { podResources } from './podRows.js';
import { allPods, indexSample, type PodTotals } from './sampleIndex.js';

export interface TopPodsOptions {
  sort: 'cpu' | 'memory';
  limit: number;
  /** Only pods of this namespace. */
  namespace?: string;
}

/**
 * The `limit` heaviest pods of the sample by CPU (kubectl millicores) or memory, heaviest
 * first. Ties break on the other metric, then namespace and name, so the order is total and
 * stable between requests. Selection keeps a bounded min-heap of `limit` entries:
 * O(n log limit), no sort of all 150k pods. Only pods with metrics can rank; `node` and
 * `memoryLimitBytes` (see `podResources`) come from the inventory, `null` when it lacks the pod.
 */
export function topPods(
  inventory: Inventory,
  sample: MetricsSample | null,
  options: TopPodsOptions,
): TopPod[] {
  const limit = Math.floor(options.limit);
  if (!sample || !(limit > 0)) return [];
  const index = indexSample(sample);
  const candidates =
    options.namespace === undefined
      ? allPods(index)
      : (index.namespaces.get(options.namespace)?.pods.values() ?? []);
  const better = options.sort === 'cpu' ? byCpu : byMemory;
  const chosen = selectTop(candidates, limit, better);
  return chosen.map((t) => {
    const pod = inventory.pods.get(podKey(t.usage.namespace, t.usage.name));
    return {
      namespace: t.usage.namespace,
      name: t.usage.name,
      node: pod?.node ?? null,
      cpuMillicores: t.cpuMillicores,
      memoryBytes: t.memoryBytes,
      memoryLimitBytes: pod ? podResources(pod).memoryLimitBytes : null,
    };
  });
}

/** `< 0` when `a` ranks before (is heavier than) `b`. */
type Order<T> = (a: T, b: T) => number;

const byName: Order<PodTotals> = (a, b) =>
  compareNames(a.usage.namespace, b.usage.namespace) || compareNames(a.usage.name, b.usage.name);
const byCpu: Order<PodTotals> = (a, b) =>
  b.cpuMillicores - a.cpuMillicores || b.memoryBytes - a.memoryBytes || byName(a, b);
const byMemory: Order<PodTotals> = (a, b) =>
  b.memoryBytes - a.memoryBytes || b.cpuMillicores - a.cpuMillicores || byName(a, b);

/**
 * The first `limit` items under `order`, in order. The heap's root is the weakest item kept,
 * so each further item costs one comparison unless it displaces the root.
 */
export function selectTop<T>(items: Iterable<T>, limit: number, order: Order<T>): T[] {
  const heap: T[] = [];
  // Min-heap on "rank": parent ranks after (is weaker than) its children.
  const weaker = (i: number, j: number) => order(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && weaker(l, w)) w = l;
      if (r < heap.length && weaker(r, w)) w = r;
      if (w === i) return;
      swap(i, w);
      i = w;
    }
  };
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && weaker(i, (i - 1) >> 1); i = (i - 1) >> 1) {
        swap(i, (i - 1) >> 1);
      }
    } else if (order(item, heap[0]!) < 0) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort(order);
}
