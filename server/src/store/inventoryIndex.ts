import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import type { Inventory, NodeInfo, PodInfo } from '../kube/types.js';

/**
 * Sums of pods' effective requests and limits (sidecars, init containers and overhead included,
 * see `kube/podResources.ts`), in nanocores and bytes, as `kubectl describe node` sums them.
 * Only values that are set contribute: a container without a limit adds nothing to the limit
 * sums (it is not "limited at 0"), so a limit sum is the sum of the limits that exist, and
 * `null` when none exists (an unset request counts as 0, as the scheduler counts it).
 */
export interface ResourceSums {
  cpuRequestNanocores: number;
  cpuLimitNanocores: number | null;
  memoryRequestBytes: number;
  memoryLimitBytes: number | null;
}

/** kubectl millicores of a sum that may be unset (`null` stays `null`, never 0). */
export function millicoresOrNull(nanocores: number | null): number | null {
  return nanocores === null ? null : cpuMillicoresKubectl(nanocores);
}

/** Per-node and per-namespace load: pod count plus resource sums. */
export interface Load extends ResourceSums {
  pods: number;
  /** Non-terminated pods counted in the sums. */
  activePods: number;
  /** Of those, pods with a container that sets no CPU / memory limit (unbounded pods). */
  podsWithoutCpuLimit: number;
  podsWithoutMemoryLimit: number;
}

/** Cluster-wide counts and totals derived from the inventory alone. */
export interface InventoryTotals {
  nodesReady: number;
  podsRunning: number;
  podsPending: number;
  allocatable: { cpuNanocores: number; memoryBytes: number };
  capacity: { cpuNanocores: number; memoryBytes: number };
  /** Requests/limits of non-terminated pods that are bound to a node (what nodes carry). */
  scheduled: ResourceSums;
}

/** An inventory indexed once, so rows for 150k pods never rescan everything per request. */
export interface InventoryIndex {
  /** Pods per namespace, in inventory order. */
  podsByNamespace: ReadonlyMap<string, readonly PodInfo[]>;
  /** Every pod bound to a node (any phase), by node name. */
  podsByNode: ReadonlyMap<string, readonly PodInfo[]>;
  /** Namespaces from the namespace list plus any a pod refers to, sorted. */
  namespaceNames: readonly string[];
  /** Nodes sorted by name. */
  nodes: readonly NodeInfo[];
  /** Non-terminated pods bound to each node (by node name). */
  nodeLoad: ReadonlyMap<string, Load>;
  /** `pods`: every pod in the namespace; sums: its non-terminated pods. */
  namespaceLoad: ReadonlyMap<string, Load>;
  totals: InventoryTotals;
}

/** A pod that will not run again: its requests no longer hold capacity. */
export function isTerminated(pod: PodInfo): boolean {
  return pod.phase === 'Succeeded' || pod.phase === 'Failed';
}

/** Byte-wise name order (Kubernetes names are ASCII), stable across locales. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface CacheEntry {
  version: number | undefined;
  nodes: Inventory['nodes'];
  namespaces: Inventory['namespaces'];
  index: InventoryIndex;
}

const cache = new WeakMap<Inventory['pods'], CacheEntry>();

/**
 * Indexes an inventory, memoised per pod map and `inventory.version`: the kube layer mutates
 * its maps in place and bumps the version on every change, so an index is rebuilt only after
 * a change. (Without a version, as in tests, the maps are assumed immutable.)
 */
export function indexInventory(inventory: Inventory): InventoryIndex {
  const hit = cache.get(inventory.pods);
  if (
    hit &&
    hit.version === inventory.version &&
    hit.nodes === inventory.nodes &&
    hit.namespaces === inventory.namespaces
  ) {
    return hit.index;
  }
  const index = buildIndex(inventory);
  cache.set(inventory.pods, {
    version: inventory.version,
    nodes: inventory.nodes,
    namespaces: inventory.namespaces,
    index,
  });
  return index;
}

function buildIndex(inventory: Inventory): InventoryIndex {
  const podsByNamespace = new Map<string, PodInfo[]>();
  const podsByNode = new Map<string, PodInfo[]>();
  const nodeLoad = new Map<string, Load>();
  const namespaceLoad = new Map<string, Load>();
  const totals = nodeTotals(inventory.nodes.values());
  for (const ns of inventory.namespaces.keys()) namespaceLoad.set(ns, emptyLoad());
  for (const pod of inventory.pods.values()) {
    let list = podsByNamespace.get(pod.namespace);
    if (!list) podsByNamespace.set(pod.namespace, (list = []));
    list.push(pod);
    if (pod.node !== null) {
      let onNodeList = podsByNode.get(pod.node);
      if (!onNodeList) podsByNode.set(pod.node, (onNodeList = []));
      onNodeList.push(pod);
    }
    const nsLoad = loadOf(namespaceLoad, pod.namespace);
    nsLoad.pods++;
    if (pod.phase === 'Running') totals.podsRunning++;
    if (pod.phase === 'Pending') totals.podsPending++;
    if (isTerminated(pod)) continue;
    addContainers(nsLoad, pod);
    if (pod.node === null) continue;
    const onNode = loadOf(nodeLoad, pod.node);
    onNode.pods++;
    addContainers(onNode, pod);
    addContainers(totals.scheduled, pod);
  }
  const nodes = [...inventory.nodes.values()].sort((a, b) => compareNames(a.name, b.name));
  const namespaceNames = [...namespaceLoad.keys()].sort(compareNames);
  return { podsByNamespace, podsByNode, namespaceNames, nodes, nodeLoad, namespaceLoad, totals };
}

function nodeTotals(nodes: Iterable<NodeInfo>): InventoryTotals {
  const totals: InventoryTotals = {
    nodesReady: 0,
    podsRunning: 0,
    podsPending: 0,
    allocatable: { cpuNanocores: 0, memoryBytes: 0 },
    capacity: { cpuNanocores: 0, memoryBytes: 0 },
    scheduled: emptyLoad(),
  };
  for (const node of nodes) {
    if (node.ready) totals.nodesReady++;
    totals.allocatable.cpuNanocores += node.allocatable.cpuNanocores;
    totals.allocatable.memoryBytes += node.allocatable.memoryBytes;
    totals.capacity.cpuNanocores += node.capacity.cpuNanocores;
    totals.capacity.memoryBytes += node.capacity.memoryBytes;
  }
  return totals;
}

function emptyLoad(): Load {
  return {
    pods: 0,
    activePods: 0,
    podsWithoutCpuLimit: 0,
    podsWithoutMemoryLimit: 0,
    cpuRequestNanocores: 0,
    cpuLimitNanocores: null,
    memoryRequestBytes: 0,
    memoryLimitBytes: null,
  };
}

function loadOf(map: Map<string, Load>, key: string): Load {
  let load = map.get(key);
  if (!load) map.set(key, (load = emptyLoad()));
  return load;
}

/** Adds a pod's effective requests (`PodRequests`) and set limits (`PodLimits`). */
function addContainers(sums: ResourceSums | Load, pod: PodInfo): void {
  if ('activePods' in sums) {
    // A pod is unbounded when a container that runs alongside the others sets no limit.
    const running = pod.containers.filter((c) => c.kind === 'container' || c.kind === 'sidecar');
    sums.activePods++;
    if (running.some((c) => c.cpuLimitNanocores === null)) sums.podsWithoutCpuLimit++;
    if (running.some((c) => c.memoryLimitBytes === null)) sums.podsWithoutMemoryLimit++;
  }
  const { requests, limits } = pod.resources;
  sums.cpuRequestNanocores += requests.cpuNanocores ?? 0;
  sums.memoryRequestBytes += requests.memoryBytes ?? 0;
  if (limits.cpuNanocores !== null) {
    sums.cpuLimitNanocores = (sums.cpuLimitNanocores ?? 0) + limits.cpuNanocores;
  }
  if (limits.memoryBytes !== null) {
    sums.memoryLimitBytes = (sums.memoryLimitBytes ?? 0) + limits.memoryBytes;
  }
}
