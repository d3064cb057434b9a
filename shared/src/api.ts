/**
 * The HTTP/SSE contract between the kubeglance server and its browsers.
 *
 * Units are in the field names (`Millicores`, `Bytes`, `Ms`). `null` always means
 * "unknown" or "not set", never zero: a pod without a CPU limit has
 * `limitMillicores: null`, a node without metrics has `usageMillicores: null`.
 * Usage values are already rounded the way `kubectl top` rounds them
 * (CPU up to the millicore, memory exact bytes; see `format.ts`).
 */
import type { PhraseParams } from './phrase.js';

import type { NodeColumns } from './nodeColumns.js';

export type { NodeColumns, NodeUsageTuple } from './nodeColumns.js';

/** Machine-readable reason the metrics pipeline (or the cluster connection) is unhealthy. */
export type ProblemCode =
  | 'metrics-api-unavailable' // 503 from the aggregated metrics API (APIService not Available)
  | 'metrics-api-missing' // 404: metrics-server not installed / APIService not registered
  | 'metrics-forbidden' // 403: RBAC does not allow reading metrics.k8s.io
  | 'metrics-stale' // timestamps stopped advancing
  | 'nodes-missing-metrics' // some nodes absent from NodeMetrics (kubelet scrape failures)
  | 'metrics-not-ready' // metrics-server up, but no samples yet
  | 'throttled' // 429 from the apiserver
  | 'upstream-timeout' // the apiserver did not answer in time
  | 'apiserver-unreachable' // connection refused / DNS / TLS handshake failure
  | 'unauthorized' // 401: the credential was rejected
  | 'inventory-forbidden' // 403 listing nodes/pods/namespaces
  | 'watch-failed' // informers cannot keep their watch open
  | 'watch-churn' // watches keep expiring (410) or failing: repeated relists, backed off
  | 'malformed-metrics' // some metrics items were unusable (dropped) or duplicated (collapsed)
  | 'clock-skew' // node timestamps far from kubeglance's clock (a kubelet clock is off)
  | 'nodes-stale-metrics' // some nodes' timestamps stopped advancing while others advance
  | 'prometheus-unavailable' // --prometheus is set but its HTTP API does not answer
  | 'upstream-error'; // anything else, with detail

export interface Problem {
  code: ProblemCode;
  /** One plain sentence for a human: what is wrong. */
  message: string;
  /** What to do about it (a command, a flag, a manifest change). */
  hint: string;
  /** Upstream detail (HTTP status and Status.message), for the diagnostics view. */
  detail?: string;
  /**
   * When `detail` is kubeglance's own words (not upstream text), the same line by line as
   * phrases (`watch-churn.relists`, `malformed-metrics.<reason>`), for browsers that say it in
   * another language; each phrase's `text` is its line of `detail`.
   */
  details?: Phrase[];
  /**
   * What `message` says in numbers and names, for browsers that render the sentence in
   * another language (see phrase.ts); absent when the message has nothing variable.
   */
  params?: PhraseParams;
  sinceMs: number;
}

export type ClusterState = 'starting' | 'ok' | 'degraded' | 'down';
export type MetricsState = 'waiting' | 'ok' | 'stale' | 'failing';

export interface ClusterStatus {
  state: ClusterState;
  inventorySynced: boolean;
  metrics: MetricsState;
  /** Timestamp (upstream `timestamp`) of the newest stored sample. */
  lastSampleMs: number | null;
  /**
   * When the newest stored sample reached the server, by the server's clock. The one
   * definition of data age: `serverNowMs - newestSampleSeenMs` (see {@link DataAge}).
   */
  newestSampleSeenMs: number | null;
  /** The server's clock when this status was computed, so a browser can align its own. */
  serverNowMs: number;
  /** `serverNowMs - newestSampleSeenMs`; null before the first sample. */
  dataAgeMs: number | null;
  resolutionSeconds: number | null;
  problems: Problem[];
  /** The latest diagnostics run in one line (null until the first run); see DiagnosticsReport. */
  diagnostics?: DiagnosticsSummary | null;
}

export interface ClusterInfo {
  /** kubeconfig context name, or the simulated cluster's name. */
  name: string;
  simulated: boolean;
  /** API server URL (no credentials). */
  server: string;
  status: ClusterStatus;
  /**
   * Ranges the history API accepts for this cluster: the in-memory ones, plus the long ones
   * when a Prometheus is configured for it. Absent from older servers (= HISTORY_RANGES).
   */
  historyRanges?: HistoryRange[];
}

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
  cpu: {
    usageMillicores: number | null;
    requestMillicores: number;
    limitMillicores: number | null;
    allocatableMillicores: number;
    capacityMillicores: number;
    percent: number | null;
  };
  memory: {
    usageBytes: number | null;
    requestBytes: number;
    limitBytes: number | null;
    allocatableBytes: number;
    capacityBytes: number;
    percent: number | null;
  };
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

export type HistoryScope = 'cluster' | 'node' | 'namespace' | 'pod' | 'container';
export type HistoryRange = '5m' | '15m' | '1h' | '6h' | '24h' | '7d' | '30d';
/** Ranges served from memory, always available. */
export const HISTORY_RANGES: readonly HistoryRange[] = ['5m', '15m', '1h'];
/** Ranges beyond the in-memory hour: only with a Prometheus configured (`--prometheus`). */
export const LONG_HISTORY_RANGES: readonly HistoryRange[] = ['6h', '24h', '7d', '30d'];

/** Where a stretch of a history response came from. */
export type HistorySource = 'memory' | 'prometheus';

/** One contiguous stretch of a history response and its source (times inclusive). */
export interface HistorySpan {
  source: HistorySource;
  fromMs: number;
  toMs: number;
}

/** `[unixMs, value]`; value `null` is a gap (no sample), never zero. */
export type Point = [number, number | null];

export interface Series {
  metric: 'cpu' | 'memory';
  unit: 'millicores' | 'bytes';
  points: Point[];
}

/** `[unixMs, nodesReporting, nodesTotal]`; nulls where no sample was stored. */
export type CoveragePoint = [number, number | null, number | null];

export interface HistoryResponse {
  scope: HistoryScope;
  range: HistoryRange;
  /** Time between points (for long ranges: the step, each point averaging the step before it). */
  resolutionSeconds: number;
  series: Series[];
  /**
   * Long ranges only: which source each stretch came from, oldest first (Prometheus, then the
   * in-memory hour). Absent for in-memory ranges (all `memory`).
   */
  spans?: HistorySpan[];
  /** Long ranges only: why part of the range is missing (e.g. Prometheus unavailable). */
  problem?: Problem;
  /**
   * Cluster scope only: how many nodes each point sums, on the same grid as `series`. A
   * point with fewer reporting nodes than total is partial, not a drop.
   */
  coverage?: CoveragePoint[];
  /**
   * Long ranges only, when Prometheus holds kube-state-metrics'
   * `kube_pod_container_resource_requests` / `_limits`: the scope's summed container requests
   * and limits over time (CPU series then memory, each point averaged over its step, on the
   * step grid up to the newest whole step). Absent without kube-state-metrics: charts then
   * show today's values, captioned so.
   */
  requests?: Series[];
  limits?: Series[];
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

/**
 * Error body of every non-2xx response: a stable `code`, the English `message`, and where the
 * message names something (a cluster, a limit, a field) the same as `params`, so a browser can
 * say it in its own language.
 */
export interface ApiErrorBody {
  error: { code: string; message: string; params?: PhraseParams };
}

// ---- Server-sent events on GET /api/v1/stream?clusters=a,b ----

export interface TopPod {
  namespace: string;
  name: string;
  node: string | null;
  cpuMillicores: number | null;
  memoryBytes: number | null;
  memoryLimitBytes: number | null;
}

/** Everything a screen needs to draw a cluster without another request. */
export interface ClusterSnapshot {
  cluster: string;
  simulated: boolean;
  summary: Summary;
  nodes: NodeRow[];
  /** The {@link NodeColumns.orderId} of `nodes`' order (sample events refer to it). */
  nodeOrderId: number;
  namespaces: NamespaceRow[];
  topPods: { cpu: TopPod[]; memory: TopPod[] };
  /** Cluster totals over the last hour. */
  history: HistoryResponse;
}

/** One new metrics sample of one cluster. */
export interface SampleEvent {
  cluster: string;
  timestampMs: number;
  summary: Summary;
  nodes: NodeColumns;
  namespaces: NamespaceRow[];
  topPods: { cpu: TopPod[]; memory: TopPod[] };
}

export interface StatusEvent {
  cluster: string;
  status: ClusterStatus;
}

/** Sent first on every connection; `version` changes when the server is redeployed. */
export interface HelloEvent {
  version: string;
  startedMs: number;
  /** The server's clock when this connection opened (ages are counted on it). */
  serverNowMs: number;
  /** Configured clusters this stream carries. */
  clusters: string[];
  /** Requested clusters the server does not have (the stream carries the others). */
  unknown: string[];
}

export type StreamEventName = 'hello' | 'snapshot' | 'sample' | 'status';

// ---- Diagnostics: GET /api/v1/clusters/:cluster/diagnostics ----

/** The links of the metrics chain, outermost first; stable ids (URLs, translations, tests). */
export type DiagnosticCheckId =
  | 'apiserver'
  | 'rbac'
  | 'aggregation'
  | 'apiservice'
  | 'warmup'
  | 'kubelet-scrape'
  | 'freshness'
  | 'pods'
  /** Only with `--prometheus`: after the chain, not one of its links. */
  | 'prometheus';

export const DIAGNOSTIC_CHECK_IDS: readonly DiagnosticCheckId[] = [
  'apiserver',
  'rbac',
  'aggregation',
  'apiservice',
  'warmup',
  'kubelet-scrape',
  'freshness',
  'pods',
];

/** `unknown`: kubeglance could not see enough to judge (it says what it lacks). */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'unknown';
export type DiagnosticsStatus = 'ok' | 'degraded' | 'failing';

/**
 * A sentence as a stable `code` with its parameters (for translation), plus the English
 * `text` for API clients. Parameters are plain values; commands and names are never translated.
 */
export interface Phrase {
  code: string;
  params: PhraseParams;
  text: string;
}

/** Something kubeglance saw: a label and the upstream value verbatim (shown in monospace). */
export interface Evidence {
  label: Phrase;
  value: string;
}

/** A remedy: what to do, and where one exists a command or YAML to copy. */
export interface Fix {
  text: Phrase;
  command?: string;
  yaml?: string;
}

export interface DiagnosticCheck {
  id: DiagnosticCheckId;
  status: CheckStatus;
  /** English title of the link (translations key on `id`). */
  title: string;
  /** The result in one sentence. */
  summary: Phrase;
  evidence: Evidence[];
  fix: Fix[];
  /** Section of docs/troubleshooting.md about this link. */
  docs: string;
  /** The RBAC rule that would let kubeglance judge, when `unknown` for lack of it. */
  missingRule?: string;
}

export interface DiagnosticsReport {
  cluster: string;
  status: DiagnosticsStatus;
  checkedAtMs: number;
  /** The link to fix first (the deepest failing one; a warning when nothing fails), or null. */
  failing: DiagnosticCheckId | null;
  /** In chain order. */
  checks: DiagnosticCheck[];
}

/** What cluster status and the wall screen carry of the latest report. */
export interface DiagnosticsSummary {
  status: DiagnosticsStatus;
  checkedAtMs: number;
  failing: { id: DiagnosticCheckId; status: CheckStatus; title: string; summary: Phrase } | null;
}
