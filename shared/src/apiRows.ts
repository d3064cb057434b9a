/** API contract: the rows of the list and detail endpoints (see api.ts for units and nulls). */
import type { ClusterStatus } from './apiStatus.js';

export interface ListResponse<T> {
  items: T[];
}

/** List responses that are derived from metrics carry the sample they are based on. */
export interface SampledListResponse<T> extends ListResponse<T> {
  timestampMs: number | null;
  stale: boolean;
}

export interface CpuTotals {
  usageMillicores: number | null;
  requestMillicores: number;
  /** Sum of the limits that are set; null when no pod sets one (not "limited at 0"). */
  limitMillicores: number | null;
  allocatableMillicores: number;
  capacityMillicores: number;
  /** kubectl-style truncated percent of allocatable; null without metrics. */
  percent: number | null;
}

export interface MemoryTotals {
  usageBytes: number | null;
  requestBytes: number;
  limitBytes: number | null;
  allocatableBytes: number;
  capacityBytes: number;
  percent: number | null;
}

export interface Summary {
  cluster: string;
  simulated: boolean;
  status: ClusterStatus;
  timestampMs: number | null;
  stale: boolean;
  nodes: { total: number; ready: number; withMetrics: number };
  pods: { total: number; running: number; pending: number; withMetrics: number };
  /** Allocatable of the nodes that have metrics (the denominator of the percentages). */
  reporting: ReportingTotals;
  cpu: CpuTotals;
  memory: MemoryTotals;
}

/**
 * Totals over partial data: the nodes that reported. `cpu.percent`/`memory.percent` of a
 * {@link Summary} are usage of these nodes over *their* allocatable, so numerator and
 * denominator match; `usage` alone covers only `nodes.withMetrics` of `nodes.total`.
 */
export interface ReportingTotals {
  allocatableMillicores: number;
  allocatableBytes: number;
}

export interface NodeRow {
  name: string;
  ready: boolean;
  roles: string[];
  /** Node pool (or instance type, zone, role) from the node's labels, for grouping. */
  group: string | null;
  pods: number;
  metricsAvailable: boolean;
  /**
   * The node's own metrics timestamp (its kubelet's clock); null without metrics. It may lag
   * the sample's `timestampMs` (or run ahead, when the node's clock is off).
   */
  metricsTimestampMs: number | null;
  /**
   * Requests and limits allocated on the node, as `kubectl describe node` prints them under
   * "Allocated resources": effective pod requests/limits (sidecars, init containers, overhead)
   * summed over its non-terminated pods; limits null when no pod sets one.
   */
  cpu: CpuTotals;
  memory: MemoryTotals;
}

export interface NamespaceRow {
  name: string;
  pods: number;
  /** Non-terminated pods (phase not Succeeded/Failed): the pods usage could cover. */
  activePods: number;
  /** Pods of the namespace present in the sample; usage sums only these. */
  podsWithMetrics: number;
  /** Non-terminated pods with at least one container without a CPU / memory limit. */
  podsWithoutCpuLimit: number;
  podsWithoutMemoryLimit: number;
  /** Requests count unset as 0 (as the scheduler does); limits are null when none is set. */
  cpu: {
    usageMillicores: number | null;
    requestMillicores: number;
    limitMillicores: number | null;
  };
  memory: { usageBytes: number | null; requestBytes: number; limitBytes: number | null };
}

export interface CpuUsage {
  usageMillicores: number | null;
  requestMillicores: number | null;
  limitMillicores: number | null;
}

export interface MemoryUsage {
  usageBytes: number | null;
  requestBytes: number | null;
  limitBytes: number | null;
}

/**
 * `container`: a regular container; `sidecar`: a native sidecar (restartable init container,
 * running beside the app); `init`: a classic init container (listed only while it runs);
 * `ephemeral`: a debug container (listed only while it runs).
 */
export type ContainerKind = 'container' | 'sidecar' | 'init' | 'ephemeral';

export interface ContainerRow {
  name: string;
  kind: ContainerKind;
  cpu: CpuUsage;
  memory: MemoryUsage;
}

/** `warming-up`: no metrics yet but the pod is younger than kubectl's 2-minute grace. */
export type PodMetricsState = 'ok' | 'warming-up' | 'missing';
export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/**
 * Pod `cpu`/`memory` requests are the effective `PodRequests` (sidecars, the largest init
 * container, overhead); the limit is the one the kubelet enforces on the pod as a whole, null
 * when any container lacks one. Usage sums every container the metrics report, sidecars too.
 */
export interface PodRow {
  name: string;
  namespace: string;
  node: string | null;
  phase: string;
  restarts: number;
  qosClass: QosClass;
  createdMs: number;
  metrics: PodMetricsState;
  cpu: CpuUsage;
  memory: MemoryUsage;
  containers: ContainerRow[];
}

export interface NodeCondition {
  type: string;
  status: string;
  reason: string | null;
  message: string | null;
  lastTransitionMs: number | null;
}

/** One resource's "Allocated resources" line of `kubectl describe node`. */
export interface AllocatedResource {
  /** Millicores for CPU, bytes for memory; sums over the node's non-terminated pods. */
  requests: number;
  limits: number;
  /** Truncated percent of allocatable, as `kubectl describe node` prints it. */
  requestsPercent: number;
  limitsPercent: number;
}

/** `GET /api/v1/clusters/:cluster/nodes/:node`. */
export interface NodeDetail {
  cluster: string;
  node: NodeRow;
  labels: Record<string, string>;
  conditions: NodeCondition[];
  allocated: { cpu: AllocatedResource; memory: AllocatedResource };
  /** Non-terminated pods on the node that set no CPU / memory limit on some container. */
  podsWithoutCpuLimit: number;
  podsWithoutMemoryLimit: number;
  /** Every pod bound to the node, whatever its phase (as `kubectl get pods --field-selector spec.nodeName=`). */
  pods: PodRow[];
  timestampMs: number | null;
  stale: boolean;
  status: ClusterStatus;
}
