import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import { podKey, type MetricsSample, type NodeUsage, type PodUsage } from '../kube/types.js';

/** A pod's usage in one sample: exact sums over its containers, rounded once like kubectl. */
export interface PodTotals {
  usage: PodUsage;
  cpuNanocores: number;
  /** `kubectl top pod`: ceil(sum of container nanocores / 1e6). */
  cpuMillicores: number;
  memoryBytes: number;
}

/** Exact sums over the pods of one namespace that appear in the sample. */
export interface NamespaceTotals {
  cpuNanocores: number;
  memoryBytes: number;
  pods: number;
}

/** One sample, indexed for lookups by node, pod and namespace. */
export interface SampleIndex {
  sample: MetricsSample;
  nodes: ReadonlyMap<string, NodeUsage>;
  /** Keyed `namespace/name` (see `podKey`). */
  pods: ReadonlyMap<string, PodTotals>;
  namespaces: ReadonlyMap<string, NamespaceTotals>;
  /** The sample's pods grouped by namespace (for per-namespace top lists). */
  podsByNamespace: ReadonlyMap<string, readonly PodTotals[]>;
  /** Sum over every node in the sample (nanocores / bytes, exact). */
  nodeCpuNanocores: number;
  nodeMemoryBytes: number;
}

const cache = new WeakMap<MetricsSample, SampleIndex>();

/**
 * Indexes a sample once; samples are immutable, so the result is memoised by identity and
 * shared by the history store and every row builder.
 */
export function indexSample(sample: MetricsSample): SampleIndex {
  let index = cache.get(sample);
  if (!index) {
    index = buildIndex(sample);
    cache.set(sample, index);
  }
  return index;
}

function buildIndex(sample: MetricsSample): SampleIndex {
  const nodes = new Map<string, NodeUsage>();
  let nodeCpuNanocores = 0;
  let nodeMemoryBytes = 0;
  for (const node of sample.nodes) {
    nodes.set(node.name, node);
    nodeCpuNanocores += node.cpuNanocores;
    nodeMemoryBytes += node.memoryBytes;
  }
  const pods = new Map<string, PodTotals>();
  const namespaces = new Map<string, NamespaceTotals>();
  const podsByNamespace = new Map<string, PodTotals[]>();
  for (const usage of sample.pods) {
    const totals = podTotals(usage);
    pods.set(podKey(usage.namespace, usage.name), totals);
    let list = podsByNamespace.get(usage.namespace);
    if (!list) podsByNamespace.set(usage.namespace, (list = []));
    list.push(totals);
    let ns = namespaces.get(usage.namespace);
    if (!ns) namespaces.set(usage.namespace, (ns = { cpuNanocores: 0, memoryBytes: 0, pods: 0 }));
    ns.cpuNanocores += totals.cpuNanocores;
    ns.memoryBytes += totals.memoryBytes;
    ns.pods++;
  }
  return { sample, nodes, pods, namespaces, podsByNamespace, nodeCpuNanocores, nodeMemoryBytes };
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
