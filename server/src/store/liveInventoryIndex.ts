import type { ContainerSpec, Inventory, NodeInfo, PodInfo } from '../kube/types.js';
import type { InventoryIndex, InventoryTotals, Load, ResourceSums } from './inventoryIndex.js';

/** A pod that will not run again: its requests no longer hold capacity. */
export function isTerminated(pod: PodInfo): boolean {
  return pod.phase === 'Succeeded' || pod.phase === 'Failed';
}

/** Byte-wise name order (Kubernetes names are ASCII), stable across locales. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Running sums over a group of pods. A limit sum counts the pods that set one, so it goes
 * back to "unset" (null) when the last of them leaves instead of reading 0.
 */
interface Acc {
  pods: number;
  activePods: number;
  noCpuLimit: number;
  noMemoryLimit: number;
  cpuRequest: number;
  memoryRequest: number;
  cpuLimit: number;
  cpuLimitPods: number;
  memoryLimit: number;
  memoryLimitPods: number;
}

const newAcc = (): Acc => ({
  pods: 0,
  activePods: 0,
  noCpuLimit: 0,
  noMemoryLimit: 0,
  cpuRequest: 0,
  memoryRequest: 0,
  cpuLimit: 0,
  cpuLimitPods: 0,
  memoryLimit: 0,
  memoryLimitPods: 0,
});

/** Whether a pod runs a container without a CPU / memory limit; per shared container list. */
const unboundedOf = new WeakMap<readonly ContainerSpec[], [boolean, boolean]>();
function unbounded(pod: PodInfo): [boolean, boolean] {
  let flags = unboundedOf.get(pod.containers);
  if (!flags) {
    // A pod is unbounded when a container that runs alongside the others sets no limit.
    const running = pod.containers.filter((c) => c.kind === 'container' || c.kind === 'sidecar');
    flags = [
      running.some((c) => c.cpuLimitNanocores === null),
      running.some((c) => c.memoryLimitBytes === null),
    ];
    unboundedOf.set(pod.containers, flags);
  }
  return flags;
}

/** Adds (`sign` 1) or takes away (-1) a non-terminated pod's requests and set limits. */
function addActive(acc: Acc, pod: PodInfo, sign: 1 | -1): void {
  const [noCpu, noMemory] = unbounded(pod);
  const { requests, limits } = pod.resources;
  acc.activePods += sign;
  if (noCpu) acc.noCpuLimit += sign;
  if (noMemory) acc.noMemoryLimit += sign;
  acc.cpuRequest += sign * (requests.cpuNanocores ?? 0);
  acc.memoryRequest += sign * (requests.memoryBytes ?? 0);
  if (limits.cpuNanocores !== null) {
    acc.cpuLimit += sign * limits.cpuNanocores;
    acc.cpuLimitPods += sign;
  }
  if (limits.memoryBytes !== null) {
    acc.memoryLimit += sign * limits.memoryBytes;
    acc.memoryLimitPods += sign;
  }
}

function sumsOf(acc: Acc): ResourceSums {
  return {
    cpuRequestNanocores: acc.cpuRequest,
    cpuLimitNanocores: acc.cpuLimitPods > 0 ? acc.cpuLimit : null,
    memoryRequestBytes: acc.memoryRequest,
    memoryLimitBytes: acc.memoryLimitPods > 0 ? acc.memoryLimit : null,
  };
}

function loadOf(acc: Acc | undefined): Load {
  const a = acc ?? newAcc();
  return {
    pods: a.pods,
    activePods: a.activePods,
    podsWithoutCpuLimit: a.noCpuLimit,
    podsWithoutMemoryLimit: a.noMemoryLimit,
    ...sumsOf(a),
  };
}

/**
 * The {@link InventoryIndex} kept up to date pod by pod: each informer event adds or takes
 * away one pod's share of the sums and lists (microseconds), where rebuilding the index
 * walked every pod (about half a second of the event loop at 150,000 pods, after every
 * change). {@link snapshot} hands out an immutable index per change, built from the sums
 * (one object per node and namespace) and the groups of pods that changed.
 */
export class LiveInventoryIndex {
  private readonly byNamespace = new PodGroups();
  private readonly byNode = new PodGroups();
  private readonly namespaceAcc = new Map<string, Acc>();
  private readonly nodeAcc = new Map<string, Acc>();
  private readonly scheduled = newAcc();
  private running = 0;
  private pending = 0;
  private changes = 0;
  private nodeChanges = 0;
  private last: { changes: number; index: InventoryIndex } | undefined;
  private nodesMemo: { changes: number; nodes: NodeInfo[]; totals: NodeTotals } | undefined;

  /** An index of a fixed inventory (every pod added once). */
  static of(inventory: Inventory): LiveInventoryIndex {
    const live = new LiveInventoryIndex();
    for (const pod of inventory.pods.values()) live.pod(undefined, pod);
    return live;
  }

  /** A pod added (`old` undefined), replaced, or removed (`value` undefined). */
  pod(old: PodInfo | undefined, value: PodInfo | undefined): void {
    if (old) this.sums(old, -1);
    if (value) this.sums(value, 1);
    // A replaced pod keeps its place in its groups (the informer's map keeps it too).
    if (old && (!value || value.namespace !== old.namespace)) {
      this.byNamespace.remove(old.namespace, old.name);
    }
    if (value) this.byNamespace.set(value.namespace, value.name, value);
    if (
      old?.node != null &&
      (!value || value.node !== old.node || value.namespace !== old.namespace)
    ) {
      this.byNode.remove(old.node, old.namespace + '/' + old.name);
    }
    if (value?.node != null) this.byNode.set(value.node, value.namespace + '/' + value.name, value);
    this.changes++;
  }

  /** A node or namespace changed (they are read from the inventory at the next snapshot). */
  other(kind: 'nodes' | 'namespaces'): void {
    this.changes++;
    if (kind === 'nodes') this.nodeChanges++;
  }

  /** The index as of now; the same object until the next change. */
  snapshot(inventory: Inventory): InventoryIndex {
    if (this.last?.changes === this.changes) return this.last.index;
    const { nodes, totals } = this.nodeTotals(inventory);
    const namespaceLoad = new Map<string, Load>();
    for (const ns of inventory.namespaces.keys())
      namespaceLoad.set(ns, loadOf(this.namespaceAcc.get(ns)));
    for (const [ns, acc] of this.namespaceAcc) namespaceLoad.set(ns, loadOf(acc));
    const nodeLoad = new Map<string, Load>();
    for (const [node, acc] of this.nodeAcc) nodeLoad.set(node, loadOf(acc));
    const index: InventoryIndex = {
      podsByNamespace: this.byNamespace.freeze(),
      podsByNode: this.byNode.freeze(),
      namespaceNames: [...namespaceLoad.keys()].sort(compareNames),
      nodes,
      nodeLoad,
      namespaceLoad,
      totals: {
        ...totals,
        podsRunning: this.running,
        podsPending: this.pending,
        scheduled: sumsOf(this.scheduled),
      },
    };
    this.last = { changes: this.changes, index };
    return index;
  }

  private sums(pod: PodInfo, sign: 1 | -1): void {
    if (pod.phase === 'Running') this.running += sign;
    if (pod.phase === 'Pending') this.pending += sign;
    const ns = accOf(this.namespaceAcc, pod.namespace);
    ns.pods += sign;
    if (!isTerminated(pod)) {
      addActive(ns, pod, sign);
      if (pod.node !== null) {
        const onNode = accOf(this.nodeAcc, pod.node);
        onNode.pods += sign;
        addActive(onNode, pod, sign);
        addActive(this.scheduled, pod, sign);
        if (onNode.pods === 0) this.nodeAcc.delete(pod.node);
      }
    }
    if (ns.pods === 0) this.namespaceAcc.delete(pod.namespace);
  }

  /** Sorted nodes and their totals, recomputed only after a node changed. */
  private nodeTotals(inventory: Inventory): { nodes: NodeInfo[]; totals: NodeTotals } {
    if (this.nodesMemo?.changes === this.nodeChanges) return this.nodesMemo;
    const totals: NodeTotals = {
      nodesReady: 0,
      allocatable: { cpuNanocores: 0, memoryBytes: 0 },
      capacity: { cpuNanocores: 0, memoryBytes: 0 },
    };
    for (const node of inventory.nodes.values()) {
      if (node.ready) totals.nodesReady++;
      totals.allocatable.cpuNanocores += node.allocatable.cpuNanocores;
      totals.allocatable.memoryBytes += node.allocatable.memoryBytes;
      totals.capacity.cpuNanocores += node.capacity.cpuNanocores;
      totals.capacity.memoryBytes += node.capacity.memoryBytes;
    }
    const nodes = [...inventory.nodes.values()].sort((a, b) => compareNames(a.name, b.name));
    this.nodesMemo = { changes: this.nodeChanges, nodes, totals };
    return this.nodesMemo;
  }
}

type NodeTotals = Pick<InventoryTotals, 'nodesReady' | 'allocatable' | 'capacity'>;

function accOf(map: Map<string, Acc>, key: string): Acc {
  let acc = map.get(key);
  if (!acc) map.set(key, (acc = newAcc()));
  return acc;
}

/**
 * Pods grouped by namespace or node. Each group's array is immutable and made again only
 * after the group changed, at the next {@link freeze}: a snapshot costs the size of the groups
 * that changed since the last one, not a walk over every pod.
 */
class PodGroups {
  private readonly members = new Map<string, Map<string, PodInfo>>();
  private readonly arrays = new Map<string, readonly PodInfo[]>();
  private readonly dirty = new Set<string>();

  set(name: string, key: string, pod: PodInfo): void {
    let group = this.members.get(name);
    if (!group) this.members.set(name, (group = new Map()));
    group.set(key, pod);
    this.dirty.add(name);
  }

  remove(name: string, key: string): void {
    const group = this.members.get(name);
    if (group?.delete(key) && group.size === 0) this.members.delete(name);
    this.dirty.add(name);
  }

  /** Every group as of now; later changes do not show in the returned map. */
  freeze(): ReadonlyMap<string, readonly PodInfo[]> {
    for (const name of this.dirty) {
      const group = this.members.get(name);
      if (group) this.arrays.set(name, [...group.values()]);
      else this.arrays.delete(name);
    }
    this.dirty.clear();
    return new Map(this.arrays);
  }
}
