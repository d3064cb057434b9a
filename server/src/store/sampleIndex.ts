import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import { runAtOnce, runInTurns } from '../kube/loopTurns.js';
import type { MetricsSample, NodeUsage, PodUsage } from '../kube/types.js';

/** A pod's usage in one sample: exact sums over its containers, rounded once like kubectl. */
export interface PodTotals {
  usage: PodUsage;
  cpuNanocores: number;
  /** `kubectl top pod`: ceil(sum of container nanocores / 1e6). */
  cpuMillicores: number;
  memoryBytes: number;
}

/** The pods of one namespace that appear in the sample, and their exact sums. */
export interface NamespaceTotals {
  cpuNanocores: number;
  memoryBytes: number;
  /** By pod name. */
  pods: ReadonlyMap<string, PodTotals>;
}

/** One sample, indexed for lookups by node, pod and namespace. */
export interface SampleIndex {
  sample: MetricsSample;
  nodes: ReadonlyMap<string, NodeUsage>;
  /**
   * Pods grouped by namespace, then by name. Two levels instead of `namespace/name` keys: no
   * key string is built per pod, and the per-namespace maps are small and cache-friendly.
   */
  namespaces: ReadonlyMap<string, NamespaceTotals>;
  /** Sum over every node in the sample (nanocores / bytes, exact). */
  nodeCpuNanocores: number;
  nodeMemoryBytes: number;
}

/** A pod's totals, if the sample has the pod. */
export function findPod(
  index: SampleIndex,
  namespace: string,
  name: string,
): PodTotals | undefined {
  return index.namespaces.get(namespace)?.pods.get(name);
}

/** Every pod of the sample. */
export function* allPods(index: SampleIndex): Generator<PodTotals> {
  for (const ns of index.namespaces.values()) yield* ns.pods.values();
}

const cache = new WeakMap<MetricsSample, SampleIndex>();

/**
 * Indexes a sample once; samples are immutable, so the result is memoised by identity and
 * shared by the history store and every row builder.
 */
export function indexSample(sample: MetricsSample): SampleIndex {
  return cache.get(sample) ?? runAtOnce(buildIndex(sample));
}

/** Pods indexed per event-loop turn by {@link indexSampleInTurns}. */
export const INDEX_SLICE = 5000;

/**
 * {@link indexSample} over turns of the event loop, {@link INDEX_SLICE} pods per turn, so a
 * sample of 30,000 pods is indexed without holding the loop; the index is shared (memoised)
 * only once complete.
 */
export async function indexSampleInTurns(sample: MetricsSample): Promise<SampleIndex> {
  return cache.get(sample) ?? runInTurns(buildIndex(sample));
}

function* buildIndex(sample: MetricsSample): Generator<void, SampleIndex> {
  const nodes = new Map<string, NodeUsage>();
  let nodeCpuNanocores = 0;
  let nodeMemoryBytes = 0;
  for (const node of sample.nodes) {
    nodes.set(node.name, node);
    nodeCpuNanocores += node.cpuNanocores;
    nodeMemoryBytes += node.memoryBytes;
  }
  const namespaces = new Map<
    string,
    { cpuNanocores: number; memoryBytes: number; pods: Map<string, PodTotals> }
  >();
  let inSlice = 0;
  for (const usage of sample.pods) {
    if (++inSlice === INDEX_SLICE) {
      inSlice = 0;
      yield;
    }
    const totals = podTotals(usage);
    let ns = namespaces.get(usage.namespace);
    if (!ns)
      namespaces.set(usage.namespace, (ns = { cpuNanocores: 0, memoryBytes: 0, pods: new Map() }));
    ns.pods.set(usage.name, totals);
    ns.cpuNanocores += totals.cpuNanocores;
    ns.memoryBytes += totals.memoryBytes;
  }
  // A sample indexed meanwhile (at once, by a reader) keeps the index already handed out.
  const index = cache.get(sample) ?? {
    sample,
    nodes,
    namespaces,
    nodeCpuNanocores,
    nodeMemoryBytes,
  };
  cache.set(sample, index);
  return index;
}

function podTotals(usage: PodUsage): PodTotals {
  let cpuNanocores = 0;
  let memoryBytes = 0;
  for (const c of usage.containers) {
    cpuNanocores += c.cpuNanocores;
    memoryBytes += c.memoryBytes;
  }
  return { usage, cpuNanocores, cpuMillicores: cpuMillicoresKubectl(cpuNanocores), memoryBytes };
}
