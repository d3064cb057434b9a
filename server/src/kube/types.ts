import type { PodResources } from './podResources.js';

/**
 * Domain types the kube layer produces from upstream JSON (parsed once, at the boundary).
 * Units are in the names; CPU is integer nanocores, memory integer bytes, times unix ms.
 * `null` means "not set" (no request, no limit), never zero.
 */

export interface ResourcePair {
  cpuNanocores: number;
  memoryBytes: number;
}

export interface NodeCondition {
  type: string;
  status: string;
  reason: string | null;
  message: string | null;
  lastTransitionMs: number | null;
}

export interface NodeInfo {
  name: string;
  ready: boolean;
  roles: string[];
  unschedulable: boolean;
  allocatable: ResourcePair;
  capacity: ResourcePair;
  createdMs: number;
  labels: Readonly<Record<string, string>>;
  /** Node pool (or instance type, zone, role) for grouping; see parseNode. */
  group: string | null;
  conditions: NodeCondition[];
}

/**
 * `container`: `spec.containers`; `sidecar`: a restartable init container (native sidecar,
 * `restartPolicy: Always`); `init`: a classic init container (runs to completion first);
 * `ephemeral`: a debug container (no resources).
 */
export type ContainerKind = 'container' | 'sidecar' | 'init' | 'ephemeral';

export interface ContainerSpec {
  name: string;
  kind: ContainerKind;
  cpuRequestNanocores: number | null;
  cpuLimitNanocores: number | null;
  memoryRequestBytes: number | null;
  memoryLimitBytes: number | null;
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export interface PodInfo {
  namespace: string;
  name: string;
  node: string | null;
  phase: string;
  restarts: number;
  /**
   * Whether any container or native sidecar is running; null when no statuses are reported.
   * Without one the kubelet has nothing to measure and metrics-server no item.
   */
  running: boolean | null;
  qosClass: QosClass;
  createdMs: number;
  /**
   * Regular containers first, then init containers (sidecars and classic) in spec order,
   * then ephemeral ones. PodMetrics reports every container the kubelet has stats for.
   * Shared between pods with identical specs (replicas): never mutate.
   */
  containers: readonly ContainerSpec[];
  /**
   * Effective requests and limits (sidecars, init containers, overhead), computed once;
   * shared like `containers`.
   */
  resources: PodResources;
}

export interface NamespaceInfo {
  name: string;
  phase: string;
  createdMs: number;
}

/** The informers' current view of the cluster. Pods are keyed `namespace/name`. */
export interface Inventory {
  nodes: ReadonlyMap<string, NodeInfo>;
  pods: ReadonlyMap<string, PodInfo>;
  namespaces: ReadonlyMap<string, NamespaceInfo>;
  /**
   * Increments on every change (the maps are live and mutated in place), so derived
   * indexes can be cached by version. Absent for fixed inventories (tests).
   */
  version?: number;
}

export interface ContainerUsage {
  name: string;
  cpuNanocores: number;
  memoryBytes: number;
}

export interface NodeUsage {
  name: string;
  cpuNanocores: number;
  memoryBytes: number;
  timestampMs: number;
  windowMs: number;
}

export interface PodUsage {
  namespace: string;
  name: string;
  containers: ContainerUsage[];
  timestampMs: number;
  windowMs: number;
}

/**
 * What kubeglance holds after a poll of metrics.k8s.io (NodeMetricsList + PodMetricsList),
 * merged item by item so nothing moves back (see `sampleMerger.ts`). Each item keeps its own
 * timestamp from its kubelet's clock.
 */
export interface MetricsSample {
  /**
   * The time the sample stands for: the lower median of the node timestamps (pods' without
   * nodes), capped at the local clock and never before the previous sample's.
   */
  timestampMs: number;
  nodes: NodeUsage[];
  pods: PodUsage[];
}

export function podKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
