import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import type { Inventory, NodeInfo, PodInfo } from '../kube/types.js';
import { LiveInventoryIndex } from './liveInventoryIndex.js';

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

export { compareNames, isTerminated } from './liveInventoryIndex.js';

interface CacheEntry {
  version: number | undefined;
  nodes: Inventory['nodes'];
  namespaces: Inventory['namespaces'];
  index: InventoryIndex;
}

const cache = new WeakMap<Inventory['pods'], CacheEntry>();
const live = new WeakMap<Inventory['pods'], LiveInventoryIndex>();

/**
 * Serves {@link indexInventory} for this live pod map from `index`, which the caller keeps
 * current with every informer event (instead of walking every pod after each change).
 */
export function trackInventory(pods: Inventory['pods'], index: LiveInventoryIndex): void {
  live.set(pods, index);
}

/**
 * Indexes an inventory, memoised per pod map and `inventory.version`: the kube layer mutates
 * its maps in place and bumps the version on every change, so an index is rebuilt only after
 * a change. (Without a version, as in tests, the maps are assumed immutable.)
 */
export function indexInventory(inventory: Inventory): InventoryIndex {
  const tracked = live.get(inventory.pods);
  if (tracked) return tracked.snapshot(inventory);
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
  return LiveInventoryIndex.of(inventory).snapshot(inventory);
}
